import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, registerDecorator, type ValidationArguments } from 'class-validator';
import type { Pricing } from '../listing-details.js';
import { amountProblem, CURRENCY_CODES, PRICING_MODELS, type PricingModel } from './pricing.js';

const upperCase = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));
const currencyMessage = `currency must be one of ${CURRENCY_CODES.join(', ')}`;

/**
 * A price in the object's `currency`: integer minor units between the currency's minimum charge and
 * Stripe's maximum. With `orElse`, it may be null or absent when that sibling holds a price.
 */
function IsPrice(options: { orElse?: string } = {}): PropertyDecorator {
  const absent = (value: unknown) => value === null || value === undefined;
  const problem = (args: ValidationArguments): string | null => {
    const object = args.object as Record<string, unknown>;
    if (absent(args.value)) {
      if (options.orElse && !absent(object[options.orElse])) return null;
      return options.orElse ? `give ${args.property}, ${options.orElse} or both` : `${args.property} is required`;
    }
    return amountProblem(args.property, typeof object.currency === 'string' ? object.currency : '', args.value);
  };
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPrice',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: { validate: (_value: unknown, args: ValidationArguments) => problem(args) === null, defaultMessage: (args: ValidationArguments) => problem(args) ?? '' },
    });
}

/** What arrives when `model` names no known model: only the model's own error is reported. */
export class PricingDto {
  @ApiProperty({ enum: PRICING_MODELS })
  @IsIn(PRICING_MODELS, { message: `model must be one of ${PRICING_MODELS.join(', ')}` })
  model: PricingModel;
}

export class FreePricingDto extends PricingDto {
  @ApiProperty({ enum: ['free'] })
  override model = 'free' as const;
}

export class OneTimePricingDto extends PricingDto {
  @ApiProperty({ enum: ['one_time'] })
  override model = 'one_time' as const;

  @ApiProperty({ enum: CURRENCY_CODES })
  @upperCase()
  @IsIn(CURRENCY_CODES, { message: currencyMessage })
  currency: string;

  @ApiProperty({ description: 'Integer minor units of the currency (cents; yen for JPY)', example: 1900 })
  @IsPrice()
  amount: number;
}

export class SubscriptionPricingDto extends PricingDto {
  @ApiProperty({ enum: ['subscription'] })
  override model = 'subscription' as const;

  @ApiProperty({ enum: CURRENCY_CODES })
  @upperCase()
  @IsIn(CURRENCY_CODES, { message: currencyMessage })
  currency: string;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Per month, in minor units; at least one of the two amounts' })
  @IsPrice({ orElse: 'yearlyAmount' })
  monthlyAmount?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Per year, in minor units; at least one of the two amounts' })
  @IsPrice({ orElse: 'monthlyAmount' })
  yearlyAmount?: number | null;
}

/** class-transformer picks the class by `model`; an unknown model falls back to PricingDto. */
export const PRICING_DISCRIMINATOR = {
  property: 'model',
  subTypes: [
    { value: FreePricingDto, name: 'free' },
    { value: OneTimePricingDto, name: 'one_time' },
    { value: SubscriptionPricingDto, name: 'subscription' },
  ],
};

export type PricingInput = FreePricingDto | OneTimePricingDto | SubscriptionPricingDto;

/** The stored shape: exactly the model's fields, absent amounts as null. */
export function toPricing(input: PricingInput): Pricing {
  if (input instanceof OneTimePricingDto) return { model: 'one_time', currency: input.currency, amount: input.amount };
  if (input instanceof SubscriptionPricingDto) {
    return { model: 'subscription', currency: input.currency, monthlyAmount: input.monthlyAmount ?? null, yearlyAmount: input.yearlyAmount ?? null };
  }
  return { model: 'free' };
}

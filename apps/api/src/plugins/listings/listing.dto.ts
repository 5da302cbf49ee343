import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  isURL,
  Length,
  Matches,
  MaxLength,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { PageQuery } from '../../platform/http/pagination.js';
import { LISTING_CATEGORIES, LISTING_LIMITS, type ListingCategory } from '../listing-details.js';
import { FreePricingDto, OneTimePricingDto, PRICING_DISCRIMINATOR, PricingDto, SubscriptionPricingDto, type PricingInput } from './pricing.dto.js';

const trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
/** An empty optional field means "none". */
const blankIsNull = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value));
/** Sent fields are validated; absent ones stay as they are (null is not "absent"). */
const whenSent = (property: string) => ValidateIf((object: Record<string, unknown>) => object[property] !== undefined);
const ONE_LINE = /^[^\p{Cc}]*$/u;
const categoriesMessage = `each category must be one of ${LISTING_CATEGORIES.join(', ')}`;
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/**
 * validator.js's URL rules (a real host name, no user:password@), then the WHATWG parser the
 * browser will use, so both agree it is https with a host and no credentials.
 */
@ValidatorConstraint({ name: 'safeHttpsUrl' })
class SafeHttpsUrl implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !URL.canParse(value)) return false;
    if (!isURL(value, { protocols: ['https'], require_protocol: true, require_valid_protocol: true, disallow_auth: true, require_host: true })) return false;
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  }

  defaultMessage(args?: ValidationArguments): string {
    return `${args?.property ?? 'the link'} must be an absolute https URL without credentials`;
  }
}

/** A link shown on the listing page: absolute https only (no javascript:, data:, http:, user:password@); blank or null clears it. */
const LinkField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ nullable: true, type: String, format: 'uri', maxLength: LISTING_LIMITS.urlLength, description }),
    blankIsNull(),
    IsOptional(),
    IsString(),
    MaxLength(LISTING_LIMITS.urlLength),
    Validate(SafeHttpsUrl),
  );

export class ListingParams {
  @ApiProperty({ example: 'acme' })
  @IsString()
  @MaxLength(100)
  namespace: string;

  @ApiProperty({ example: 'slack-notifier' })
  @IsString()
  @MaxLength(100)
  plugin: string;
}

export class PartnerListingsParams {
  @ApiProperty({ example: 'acme' })
  @IsString()
  @MaxLength(100)
  namespace: string;
}

export class CreateListingDto {
  @ApiProperty({ example: 'acme/slack-notifier', description: 'namespace/plugin, as the manifest will name it; the namespace is your partner’s' })
  @trimmed()
  @IsString()
  @MaxLength(200)
  name: string;

  @ApiProperty({ maxLength: LISTING_LIMITS.displayNameLength, example: 'Slack notifier' })
  @trimmed()
  @IsString()
  @Length(1, LISTING_LIMITS.displayNameLength, { message: `displayName must be 1 to ${LISTING_LIMITS.displayNameLength} characters` })
  @Matches(ONE_LINE, { message: 'displayName must be one line of text' })
  displayName: string;
}

export class ScreenshotOrderDto {
  @ApiProperty({ pattern: SHA256_PATTERN.source })
  @IsString()
  @Matches(SHA256_PATTERN, { message: 'sha256 must be a screenshot’s sha256 (64 hex digits)' })
  sha256: string;

  @ApiProperty({ maxLength: LISTING_LIMITS.captionLength })
  @trimmed()
  @IsString()
  @MaxLength(LISTING_LIMITS.captionLength)
  @Matches(ONE_LINE, { message: 'caption must be one line of text' })
  caption: string;
}

/** Only the fields sent change, and only in the draft. */
export class UpdateListingDto {
  @ApiPropertyOptional({ maxLength: LISTING_LIMITS.displayNameLength })
  @trimmed()
  @whenSent('displayName')
  @IsString()
  @Length(1, LISTING_LIMITS.displayNameLength, { message: `displayName must be 1 to ${LISTING_LIMITS.displayNameLength} characters` })
  @Matches(ONE_LINE, { message: 'displayName must be one line of text' })
  displayName?: string;

  @ApiPropertyOptional({ maxLength: LISTING_LIMITS.summaryLength })
  @trimmed()
  @whenSent('summary')
  @IsString()
  @MaxLength(LISTING_LIMITS.summaryLength, { message: `summary must be at most ${LISTING_LIMITS.summaryLength} characters` })
  @Matches(ONE_LINE, { message: 'summary must be one line of text' })
  summary?: string;

  @ApiPropertyOptional({ maxLength: LISTING_LIMITS.descriptionLength, description: 'Markdown; rendered and sanitised when shown' })
  @whenSent('description')
  @IsString()
  @MaxLength(LISTING_LIMITS.descriptionLength, { message: `description must be at most ${LISTING_LIMITS.descriptionLength} characters` })
  description?: string;

  @ApiPropertyOptional({ enum: LISTING_CATEGORIES, isArray: true, maxItems: LISTING_LIMITS.categories })
  @whenSent('categories')
  @IsArray()
  @ArrayMaxSize(LISTING_LIMITS.categories, { message: `choose at most ${LISTING_LIMITS.categories} categories` })
  @ArrayUnique({ message: 'categories must not repeat' })
  @IsIn(LISTING_CATEGORIES, { each: true, message: categoriesMessage })
  categories?: ListingCategory[];

  @LinkField('Where buyers get help')
  supportUrl?: string | null;

  @LinkField('The plugin’s privacy policy')
  privacyPolicyUrl?: string | null;

  @ApiPropertyOptional({
    oneOf: [{ $ref: getSchemaPath(FreePricingDto) }, { $ref: getSchemaPath(OneTimePricingDto) }, { $ref: getSchemaPath(SubscriptionPricingDto) }],
    discriminator: {
      propertyName: 'model',
      mapping: { free: getSchemaPath(FreePricingDto), one_time: getSchemaPath(OneTimePricingDto), subscription: getSchemaPath(SubscriptionPricingDto) },
    },
    description: 'free | one_time {currency, amount} | subscription {currency, monthlyAmount, yearlyAmount}; amounts in integer minor units',
  })
  @whenSent('pricing')
  @ValidateNested({ message: 'pricing must be an object such as {"model":"free"}' })
  @Type(() => PricingDto, { discriminator: PRICING_DISCRIMINATOR, keepDiscriminatorProperty: true })
  pricing?: PricingInput;

  @ApiPropertyOptional({ type: [ScreenshotOrderDto], description: 'The current screenshots, each once, in the new order, with their captions' })
  @whenSent('screenshots')
  @IsArray()
  @ArrayMaxSize(LISTING_LIMITS.screenshots)
  @ValidateNested({ each: true })
  @Type(() => ScreenshotOrderDto)
  screenshots?: ScreenshotOrderDto[];
}

export class CatalogQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LISTING_CATEGORIES })
  @IsOptional()
  @IsIn(LISTING_CATEGORIES, { message: categoriesMessage })
  category?: ListingCategory;

  @ApiPropertyOptional({ description: 'Part of the name, display name or summary' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

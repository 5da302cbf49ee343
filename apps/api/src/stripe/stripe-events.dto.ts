import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../platform/http/pagination.js';

const STATUSES = ['received', 'processed', 'ignored', 'failed'] as const;

export class StripeEventQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES, description: 'failed: gave up after every retry; replay them once the cause is fixed' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ example: 'invoice.paid' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  type?: string;
}

export class StripeEventParams {
  @ApiProperty({ example: 'evt_1Q2w3E4r5T6y7U8i9O0p' })
  @Matches(/^evt_[A-Za-z0-9_]{1,200}$/, { message: 'id must be a Stripe event id (evt_...)' })
  id: string;
}

export class StripeEventDto {
  @ApiProperty() id: string;
  @ApiProperty() type: string;
  @ApiProperty({ nullable: true, type: String, description: 'Connected account the event happened on' }) account: string | null;
  @ApiProperty() livemode: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty({ description: 'Processing runs that failed' }) failures: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String }) processedAt: string | null;
}

export class StripeEventDetailDto extends StripeEventDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event as Stripe sent it' }) payload: Record<string, unknown>;
}

export class StripeEventPageDto {
  @ApiProperty({ type: [StripeEventDto] }) items: StripeEventDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class WebhookAckDto {
  @ApiProperty() received: boolean;
  @ApiProperty({ description: 'True when this event id had already been received: nothing was stored or queued again' }) duplicate: boolean;
}

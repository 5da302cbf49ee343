import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { PageQuery } from '../platform/http/pagination.js';
import type { PartnerStatus } from './partner.entity.js';
import { PartnerView } from './partner.view.js';
import { trimmed } from './partners.dto.js';

const STATUSES: PartnerStatus[] = ['active', 'suspended'];

export class StaffPartnersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: PartnerStatus;

  @ApiPropertyOptional({ description: "Part of the name, the namespace or the owner's email" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class PartnerIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a partner id' })
  id: string;
}

export class SuspendPartnerDto {
  @ApiProperty({ minLength: 3, maxLength: 2000, description: 'Shown to the partner’s owner' })
  @trimmed()
  @IsString()
  @Length(3, 2000, { message: 'reason must be 3 to 2000 characters' })
  reason: string;
}

export class ReinstatePartnerDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @trimmed()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

class StaffPartnerStripe {
  @ApiProperty() payable: boolean;
}

export class StaffPartnerView extends PartnerView {
  @ApiProperty({ nullable: true, type: String, format: 'email' }) ownerEmail: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why staff suspended it (null while active)' }) suspendedReason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) suspendedAt: string | null;
  @ApiProperty({ type: StaffPartnerStripe }) stripe: StaffPartnerStripe;
}

export class StaffPartnerPage {
  @ApiProperty({ type: [StaffPartnerView] }) items: StaffPartnerView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUrl, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { ASSIGNABLE_PARTNER_ROLES, type AssignablePartnerRole } from '@guild/contracts';

export const trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
/** An empty optional field means "none". */
const blankIsNull = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value));
export const httpUrl = { protocols: ['http', 'https'], require_protocol: true };
/** A partner's website, the same rule on the application (copied on approval) and on profile edits; blank means none. */
export const WebsiteField = (example?: string) =>
  applyDecorators(
    ApiPropertyOptional({ nullable: true, type: String, format: 'uri', ...(example ? { example } : {}) }),
    blankIsNull(),
    IsOptional(),
    IsUrl(httpUrl, { message: 'website must be an http(s) URL' }),
    MaxLength(2000),
  );
const roleMessage = `role must be one of ${ASSIGNABLE_PARTNER_ROLES.join(', ')} (ownership moves only by a transfer)`;

export class NamespaceParams {
  @ApiProperty({ example: 'acme' })
  @IsString()
  @MaxLength(100)
  namespace: string;
}

export class MemberParams extends NamespaceParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'userId must be a user id' })
  userId: string;
}

export class InvitationParams extends NamespaceParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be an invitation id' })
  id: string;
}

export class InvitationTokenParams {
  @ApiProperty({ example: 'gpi_…' })
  @IsString()
  @MaxLength(200)
  token: string;
}

/** Only the fields sent change; null clears an optional one. */
export class UpdatePartnerDto {
  @ApiPropertyOptional({ minLength: 2, maxLength: 100 })
  @trimmed()
  @ValidateIf((dto: UpdatePartnerDto) => dto.name !== undefined)
  @IsString()
  @Length(2, 100, { message: 'name must be 2 to 100 characters' })
  name?: string;

  @WebsiteField()
  website?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 2000 })
  @blankIsNull()
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'bio must be at most 2000 characters' })
  bio?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uri', description: 'An https URL of a square image' })
  @blankIsNull()
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'logoUrl must be an https URL' })
  @MaxLength(2000)
  logoUrl?: string | null;
}

export class CreateInvitationDto {
  @ApiProperty({ format: 'email' })
  @trimmed()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ASSIGNABLE_PARTNER_ROLES })
  @IsIn(ASSIGNABLE_PARTNER_ROLES, { message: roleMessage })
  role: AssignablePartnerRole;
}

export class ChangeMemberRoleDto {
  @ApiProperty({ enum: ASSIGNABLE_PARTNER_ROLES })
  @IsIn(ASSIGNABLE_PARTNER_ROLES, { message: roleMessage })
  role: AssignablePartnerRole;
}

export class TransferOwnershipDto {
  @ApiProperty({ format: 'uuid', description: 'A member of the partner; the current owner becomes a developer.' })
  @IsUUID('all', { message: 'userId must be a user id' })
  userId: string;
}

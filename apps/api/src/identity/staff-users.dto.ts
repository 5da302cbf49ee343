import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '@guild/contracts';
import { PageQuery } from '../platform/http/pagination.js';
import { StaffUserView } from './user.view.js';

export class StaffUsersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of an email or display name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES, description: 'Only users holding this staff role' })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;
}

export class StaffRoleParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a user id' })
  id: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: `role must be one of ${STAFF_ROLES.join(', ')}` })
  role: StaffRole;
}

export class UserIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a user id' })
  id: string;
}

export class StaffUserPage {
  @ApiProperty({ type: [StaffUserView] }) items: StaffUserView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

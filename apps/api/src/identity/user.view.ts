import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@guild/contracts';
import type { User } from './user.entity.js';

export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['member'] }) roles: Role[];
}

export class StaffUserView extends UserView {
  @ApiProperty() createdAt: string;
}

export function toUserView(user: User): UserView {
  return { id: user.id, email: user.email, displayName: user.displayName, roles: user.roles };
}

export function toStaffUserView(user: User): StaffUserView {
  return { ...toUserView(user), createdAt: user.createdAt.toISOString() };
}

import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password.policy.js';
import { UserView } from './user.view.js';

const trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class SignUpDto {
  @ApiProperty({ format: 'email', example: 'ada@example.com' })
  @trimmed()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ example: 'Ada Lovelace', maxLength: 80 })
  @trimmed()
  @IsString()
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(80)
  displayName: string;
}

export class SignInDto {
  @ApiProperty({ format: 'email' })
  @trimmed()
  @IsString()
  @MinLength(1, { message: 'email must not be empty' })
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class UpdateProfileDto {
  @ApiProperty({ example: 'Ada Lovelace', maxLength: 80 })
  @trimmed()
  @IsString()
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(80)
  displayName: string;
}

export class AuthResult {
  @ApiProperty({ type: UserView }) user: UserView;
  @ApiProperty({ description: 'Short-lived JWT; send as `Authorization: Bearer …`. Renew with POST /v1/auth/refresh.' })
  accessToken: string;
  @ApiProperty({ description: 'Seconds until accessToken expires' }) expiresIn: number;
}

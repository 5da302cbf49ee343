import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { API_SCOPES, type ApiScope } from '@guild/contracts';

const SCOPES = Object.keys(API_SCOPES) as ApiScope[];

export class CreateApiTokenDto {
  @ApiProperty({ example: 'CI publisher', maxLength: 100 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: SCOPES, isArray: true, description: 'What the token may do; see API_SCOPES.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'scopes must name at least one scope' })
  @ArrayMaxSize(SCOPES.length)
  @ArrayUnique()
  @IsIn(SCOPES, { each: true, message: `each scope must be one of ${SCOPES.join(', ')}` })
  scopes: ApiScope[];

  @ApiPropertyOptional({ minimum: 1, maximum: 365, description: 'Omit for a token that does not expire.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  expiresInDays?: number;
}

export class ApiTokenView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SCOPES, isArray: true }) scopes: ApiScope[];
  @ApiProperty({ description: 'The first characters of the secret, to tell tokens apart', example: 'gld_Ab12' }) prefix: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt: string | null;
}

export class CreatedApiTokenView extends ApiTokenView {
  @ApiProperty({ description: 'The secret. Shown once: only its hash is stored.', example: 'gld_…' }) token: string;
}

export class ApiTokenPage {
  @ApiProperty({ type: [ApiTokenView] }) items: ApiTokenView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

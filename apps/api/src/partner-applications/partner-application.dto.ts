import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUrl, IsUUID, Length, MaxLength } from 'class-validator';
import { httpUrl, trimmed, WebsiteField } from '../partners/partners.dto.js';
import { PageQuery } from '../platform/http/pagination.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from './partner-application.entity.js';

const MAX_LINKS = 10;

export class CreateApplicationDto {
  @ApiProperty({ minLength: 2, maxLength: 100, example: 'Acme Plugins Ltd' })
  @trimmed()
  @IsString()
  @Length(2, 100, { message: 'organisationName must be 2 to 100 characters' })
  organisationName: string;

  @WebsiteField('https://acme.example.com')
  website?: string | null;

  @ApiProperty({ example: 'acme', description: '3-39 lower-case letters, digits and single hyphens; scopes your plugin names' })
  @IsString()
  @MaxLength(200)
  namespace: string;

  @ApiProperty({ minLength: 10, maxLength: 5000, description: 'What you intend to build and for whom' })
  @trimmed()
  @IsString()
  @Length(10, 5000, { message: 'plan must be 10 to 5000 characters' })
  plan: string;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_LINKS, description: 'Work to look at: repositories, products, talks' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LINKS, { message: `links may hold at most ${MAX_LINKS} URLs` })
  @IsUrl(httpUrl, { each: true, message: 'each link must be an http(s) URL' })
  @MaxLength(2000, { each: true })
  links?: string[];
}

/** Edits while changes are requested; only the fields sent change (website: null removes it). */
export class UpdateApplicationDto extends PartialType(CreateApplicationDto) {}

export class ApproveApplicationDto {
  @ApiPropertyOptional({ maxLength: 5000, description: 'A note for the applicant' })
  @trimmed()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  message?: string;
}

export class DecisionMessageDto {
  @ApiProperty({ minLength: 1, maxLength: 5000, description: 'Shown to the applicant' })
  @trimmed()
  @IsString()
  @Length(1, 5000, { message: 'message must be 1 to 5000 characters' })
  message: string;
}

export class ApplicationIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be an application id' })
  id: string;
}

export class NamespaceCheckQuery {
  @ApiProperty({ example: 'acme' })
  @IsString()
  @MaxLength(200)
  namespace: string;
}

export class ApplicationQueueQuery extends PageQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES, default: 'submitted' })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES, { message: `status must be one of ${APPLICATION_STATUSES.join(', ')}` })
  status?: ApplicationStatus;

  @ApiPropertyOptional({ description: 'Part of the organisation name, namespace, or applicant email or name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}


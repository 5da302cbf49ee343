import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';
import { trimmed } from '../../partners/partners.dto.js';
import { PageQuery } from '../../platform/http/pagination.js';

export class VersionListingParams {
  @ApiProperty({ example: 'acme' })
  @IsString()
  @MaxLength(100)
  namespace: string;

  @ApiProperty({ example: 'volume-discount', description: 'The plugin part of the manifest name (namespace/plugin)' })
  @IsString()
  @MaxLength(100)
  plugin: string;
}

export class VersionParams extends VersionListingParams {
  @ApiProperty({ example: '1.2.0', description: 'Exactly as in the manifest (strict semver)' })
  @IsString()
  @MaxLength(256)
  version: string;
}

export class VersionPageQuery extends PageQuery {}

export class DeprecateVersionDto {
  @ApiProperty({ minLength: 1, maxLength: 1000, example: 'Use 1.3.0: this version rounds discounts down.', description: 'Shown to buyers beside the version' })
  @trimmed()
  @IsString()
  @Length(1, 1000, { message: 'message must be 1 to 1000 characters' })
  message: string;
}

export class YankVersionDto {
  @ApiProperty({ minLength: 1, maxLength: 1000, example: 'Sends order totals to the wrong webhook.', description: 'Why no one should install it any more; shown to its installers' })
  @trimmed()
  @IsString()
  @Length(1, 1000, { message: 'reason must be 1 to 1000 characters' })
  reason: string;
}

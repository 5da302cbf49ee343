import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { ListingParams, SHA256_PATTERN } from '../listings/listing.dto.js';

const sha256Message = 'sha256 must be 64 lower-case hex digits';

export class MediaParams {
  @ApiProperty({ pattern: SHA256_PATTERN.source })
  @IsString()
  @Matches(SHA256_PATTERN, { message: sha256Message })
  sha256: string;
}

export class ScreenshotParams extends ListingParams {
  @ApiProperty({ pattern: SHA256_PATTERN.source })
  @IsString()
  @Matches(SHA256_PATTERN, { message: sha256Message })
  sha256: string;
}

import { createGunzip } from 'node:zlib';
import { ArchiveRefusal } from './archive-refusal.js';
import { errorMessage } from './node-errors.js';
import { PackageErrorCode } from './package.errors.js';
import type { PackageLimits } from './package-limits.js';

const GZIP_MAGIC = [0x1f, 0x8b];
const CHUNK_BYTES = 64 * 1024;

export function isGzip(data: Uint8Array): boolean {
  return GZIP_MAGIC.every((byte, index) => data[index] === byte);
}

/**
 * Gunzips `data` one chunk at a time. Node's zlib stream inflates a chunk only when the previous
 * one was taken, so refusing as soon as the output passes a limit keeps a bomb from being
 * inflated further: memory stays near one chunk whatever the archive claims.
 */
export async function* inflate(data: Buffer, limits: PackageLimits): AsyncGenerator<Buffer, void, undefined> {
  const maxByRatio = data.length * limits.maxCompressionRatio;
  const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
  gunzip.end(data);
  let total = 0;
  try {
    for await (const chunk of gunzip) {
      if (!Buffer.isBuffer(chunk)) continue;
      total += chunk.length;
      if (total > limits.maxUncompressedBytes) {
        throw new ArchiveRefusal({
          code: PackageErrorCode.UncompressedTooLarge,
          message: `the package unpacks to more than ${limits.maxUncompressedBytes} bytes; make its files smaller (minify the bundle, drop unused dependencies)`,
        });
      }
      if (total > maxByRatio) {
        throw new ArchiveRefusal({
          code: PackageErrorCode.CompressionRatio,
          message: `the package unpacks to more than ${limits.maxCompressionRatio} times its compressed size, which a plugin's files do not; rebuild it with \`guild-plugin pack\``,
        });
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ArchiveRefusal) throw error;
    throw new ArchiveRefusal({ code: PackageErrorCode.Corrupt, message: `the gzip stream is damaged or truncated (${errorMessage(error)}); upload the file again, or rebuild it with \`guild-plugin pack\`` });
  } finally {
    gunzip.destroy();
  }
}

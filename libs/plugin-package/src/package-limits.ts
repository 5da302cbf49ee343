/** How much of a package `readPackage` will read before refusing it. Sizes are bytes. */
export interface PackageLimits {
  /** The .tgz as uploaded. */
  maxCompressedBytes: number;
  /** The whole tar stream after gunzip, headers and padding included. */
  maxUncompressedBytes: number;
  /** Any one file. */
  maxFileBytes: number;
  /** Entries of any kind, directories included. */
  maxFiles: number;
  /** Uncompressed bytes per compressed byte, checked while inflating. */
  maxCompressionRatio: number;
  /** A path inside the package, in UTF-8 bytes. */
  maxPathLength: number;
}

const MiB = 1024 * 1024;

export const PACKAGE_LIMITS: Readonly<PackageLimits> = Object.freeze({
  maxCompressedBytes: 5 * MiB,
  maxUncompressedBytes: 20 * MiB,
  maxFileBytes: 10 * MiB,
  maxFiles: 200,
  // Bundled JavaScript compresses 3-10x; a 100x stream is padding or a bomb.
  maxCompressionRatio: 100,
  maxPathLength: 200,
});

/** An icon is shown at 128 px at most; anything bigger is not an icon. */
export const MAX_ICON_BYTES = 256 * 1024;

const LIMIT_NAMES: (keyof PackageLimits)[] = [
  'maxCompressedBytes',
  'maxUncompressedBytes',
  'maxFileBytes',
  'maxFiles',
  'maxCompressionRatio',
  'maxPathLength',
];

/** The defaults with the caller's overrides; a limit that is not a positive number is a programming error. */
export function resolveLimits(overrides: Partial<PackageLimits> = {}): PackageLimits {
  const limits = { ...PACKAGE_LIMITS };
  for (const key of LIMIT_NAMES) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`package limit ${key} must be a positive number, got ${value}`);
    limits[key] = value;
  }
  return limits;
}

import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What is stored: plugin packages (.tgz) and listing images. */
export type BlobKind = 'packages' | 'media';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Content-addressed files: a blob's name is the sha256 of its bytes, so storing the same bytes twice
 * is one file, and a name can never point at other content. Local directory by default; an S3
 * implementation would keep the same three methods.
 */
export abstract class BlobStore {
  /** Stores `data` and returns its sha256. */
  abstract put(kind: BlobKind, data: Buffer): Promise<string>;
  abstract get(kind: BlobKind, sha256: string): Promise<Buffer | null>;
  abstract delete(kind: BlobKind, sha256: string): Promise<void>;

  static digest(data: Buffer): string {
    return createHash('sha256').update(data).digest('hex');
  }

  protected static checkName(sha256: string): void {
    if (!SHA256.test(sha256)) throw new RangeError(`not a sha256 digest: ${sha256.slice(0, 80)}`);
  }
}

/** `<root>/<kind>/<first two hex digits>/<sha256>`, written to a temporary name and renamed, so readers never see half a file. */
export class DirectoryBlobStore extends BlobStore {
  constructor(private readonly root: string) {
    super();
  }

  async put(kind: BlobKind, data: Buffer): Promise<string> {
    const sha256 = BlobStore.digest(data);
    const path = this.path(kind, sha256);
    if (await exists(path)) return sha256;
    await mkdir(join(this.root, kind, sha256.slice(0, 2)), { recursive: true });
    const temporary = `${path}.${randomUUID()}.tmp`;
    try {
      await writeFile(temporary, data, { flag: 'wx', mode: 0o640 });
      await rename(temporary, path);
    } finally {
      await rm(temporary, { force: true });
    }
    return sha256;
  }

  async get(kind: BlobKind, sha256: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(kind, sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(kind: BlobKind, sha256: string): Promise<void> {
    await rm(this.path(kind, sha256), { force: true });
  }

  private path(kind: BlobKind, sha256: string): string {
    BlobStore.checkName(sha256);
    return join(this.root, kind, sha256.slice(0, 2), sha256);
  }
}

/** For GUILD_DATA_DIR=memory:// (tests, throwaway demos). */
export class MemoryBlobStore extends BlobStore {
  private readonly blobs = new Map<string, Buffer>();

  put(kind: BlobKind, data: Buffer): Promise<string> {
    const sha256 = BlobStore.digest(data);
    this.blobs.set(`${kind}/${sha256}`, Buffer.from(data));
    return Promise.resolve(sha256);
  }

  get(kind: BlobKind, sha256: string): Promise<Buffer | null> {
    BlobStore.checkName(sha256);
    return Promise.resolve(this.blobs.get(`${kind}/${sha256}`) ?? null);
  }

  delete(kind: BlobKind, sha256: string): Promise<void> {
    this.blobs.delete(`${kind}/${sha256}`);
    return Promise.resolve();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BlobStore } from '../storage/blob-store.js';

/** Plugin packages in the blob store, content-addressed by sha256; a version row references one by its digest. */
@Injectable()
export class PackageStore {
  constructor(
    private readonly blobs: BlobStore,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  put(data: Buffer): Promise<string> {
    return this.blobs.put('packages', data);
  }

  get(sha256: string): Promise<Buffer | null> {
    return this.blobs.get('packages', sha256);
  }

  /**
   * After a write whose transaction failed: deletes the package unless a version references it.
   * The same bytes can only belong to one listing (the manifest names it), so holding that
   * listing's row lock while checking keeps a concurrent upload of the same package from losing
   * its file between our check and our delete.
   */
  async discard(sha256: string, listingId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`SELECT id FROM plugin_listings WHERE id = $1 FOR UPDATE`, [listingId]);
      const [used] = await tx.query<Array<{ one: number }>>(`SELECT 1 AS one FROM plugin_versions WHERE sha256 = $1 LIMIT 1`, [sha256]);
      if (!used) await this.blobs.delete('packages', sha256);
    });
  }
}

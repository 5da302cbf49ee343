import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { SignedIn } from '../support/factories.js';
import { call, type CallResult } from '../support/http.js';
import type { SuiteApp } from '../support/suite.js';
import { partnerFactories, type TestPartner } from '../partners/partner-factory.js';

/** Tiny real images drawn on a Chromium canvas and saved with toDataURL (JPEG, WebP); PNGs are built by `png()`. */
const FIXTURES = new URL('./fixtures/', import.meta.url);
export const fixture = (name: string) => readFileSync(new URL(name, FIXTURES));

/** What a listing needs before it can go to review. */
export const COMPLETE_DETAILS = {
  summary: 'Posts new orders to a Slack channel.',
  description: '# Slack notifier\n\nTells your team about every **paid order**.',
  categories: ['communication'],
  supportUrl: 'https://support.example.com/slack-notifier',
};

export interface Publisher {
  owner: SignedIn;
  partner: TestPartner;
  /** `namespace/plugin` of a fresh draft listing. */
  name: string;
  url: string;
}

let counter = 0;

/** Partners, members and listings, made through the routes a partner uses. */
export function listingFactories(s: SuiteApp) {
  const app = () => s.ctx.app;
  return {
    partners: () => partnerFactories(app()),
    /** An owner, their partner, and a draft listing created by the owner. */
    async newPublisher(details: Record<string, unknown> = {}): Promise<Publisher> {
      const owner = await s.make.newMember('owner');
      const partner = await partnerFactories(app()).newPartner(owner);
      counter += 1;
      const name = `${partner.namespace}/plugin-${counter}`;
      const created = await call(app(), 'POST', '/v1/plugins', { token: owner.accessToken, body: { name, displayName: `Plugin ${counter}` } });
      if (created.status !== 201) throw new Error(`listing creation failed: ${created.status} ${JSON.stringify(created.body)}`);
      if (Object.keys(details).length > 0) {
        const edited = await call(app(), 'PATCH', `/v1/plugins/${name}`, { token: owner.accessToken, body: details });
        if (edited.status !== 200) throw new Error(`listing edit failed: ${edited.status} ${JSON.stringify(edited.body)}`);
      }
      return { owner, partner, name, url: `/v1/plugins/${name}` };
    },
  };
}

/**
 * Makes a listing public as an approved first version would: the draft becomes the published copy,
 * with an approved version `version`. Written straight to the tables, because approving belongs to
 * the review desk; this suite tests what listings do once public.
 */
export async function publishListingDirectly(app: NestFastifyApplication, name: string, version = '1.0.0'): Promise<void> {
  await app.get(DataSource).query(`UPDATE plugin_listings SET status = 'public', published = draft, published_at = now() WHERE name = $1`, [name]);
  await addVersionDirectly(app, name, version, 'approved');
}

/** A version row with its review in `status` (approved ones published, optionally deprecated or yanked), written straight to the tables. */
export async function addVersionDirectly(
  app: NestFastifyApplication,
  name: string,
  version: string,
  status: 'approved' | 'submitted' | 'rejected',
  options: { yanked?: boolean; deprecated?: boolean } = {},
): Promise<void> {
  await app.get(DataSource).transaction(async (tx) => {
    const [listing] = await tx.query<Array<{ id: string }>>(`SELECT id FROM plugin_listings WHERE name = $1`, [name]);
    if (!listing) throw new Error(`no listing ${name}`);
    const published = status === 'approved';
    const [row] = await tx.query<Array<{ id: string }>>(
      `INSERT INTO plugin_versions (listing_id, version, sha256, size_bytes, manifest, report, readme, published_at, yanked_at, deprecated_at)
       VALUES ($1, $2, $3, 1, $4::jsonb, '{}'::jsonb, '', $5, $6, $7) RETURNING id`,
      [
        listing.id,
        version,
        createHash('sha256').update(`${name}@${version}`).digest('hex'),
        JSON.stringify({ name, version }),
        published ? new Date() : null,
        options.yanked ? new Date() : null,
        options.deprecated ? new Date() : null,
      ],
    );
    await tx.query(`INSERT INTO plugin_reviews (listing_id, kind, version_id, status, submitted_at) VALUES ($1, 'version', $2, $3, now())`, [listing.id, row.id, status]);
  });
}

/** A valid PNG of the given size (truecolour, one filter byte per row); `noise` makes it incompressible. */
export function png(width: number, height: number, options: { noise?: boolean; trailing?: Buffer } = {}): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  const row = width * 3 + 1;
  const pixels = options.noise ? randomBytes(row * height) : Buffer.alloc(row * height, 0x5a);
  for (let y = 0; y < height; y += 1) pixels[y * row] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
    options.trailing ?? Buffer.alloc(0),
  ]);
}

export interface FilePart {
  data: Buffer;
  filename?: string;
  contentType?: string;
  field?: string;
}

/** A multipart/form-data body: text fields first, then the file. */
export function multipart(file: FilePart, fields: Record<string, string> = {}): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----guild${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.filename ?? 'image.png'}"\r\nContent-Type: ${file.contentType ?? 'image/png'}\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function upload(app: NestFastifyApplication, method: 'PUT' | 'POST', url: string, token: string, file: FilePart, fields: Record<string, string> = {}): Promise<CallResult> {
  const { body, headers } = multipart(file, fields);
  return call(app, method, url, { token, body, headers });
}

// Shared by the plugin browser tests: people, an approved partner, and example plugin packages
// built exactly as a partner builds them (bundled from plugins/volume-discount, packed with packPlugin).
import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { packPlugin } from '@guild/plugin-package';
import { UsersService } from '../../apps/api/src/identity/users.service.js';
import { buildTarball } from '../../libs/plugin-package/src/tarball.js';
import { bundlePlugin } from '../../libs/plugin-sdk/src/build.js';
import { call } from '../support/http.js';

const EXAMPLE = fileURLToPath(new URL('../../plugins/volume-discount', import.meta.url));
const PASSWORD = 'violet-anchor-93-trellis';

export interface Person {
  email: string;
  displayName: string;
  password: string;
}

let seq = 0;
export const person = (label: string, displayName: string): Person => ({ email: `${label}.${Date.now()}.${seq++}@example.com`, displayName, password: PASSWORD });

export const uniqueNamespace = (prefix: string) => `${prefix}-${randomBytes(3).toString('hex')}`;

export async function accessToken(app: NestFastifyApplication, user: Person): Promise<string> {
  const response = await call(app, 'POST', '/v1/auth/sign-in', { body: { email: user.email, password: user.password } });
  if (response.status !== 200) throw new Error(`sign-in of ${user.email} answered ${response.status}`);
  return response.body.accessToken as string;
}

/** Creates the users (a staff role makes a staff member). */
export async function createUsers(app: NestFastifyApplication, ...users: (Person & { staffRoles?: ('reviewer' | 'admin')[] })[]): Promise<void> {
  for (const user of users) await app.get(UsersService).create(user);
}

/** An approved partner owned by `owner` (who must exist), through the API: apply, then a reviewer of its own approves. */
export async function approvedPartner(app: NestFastifyApplication, owner: Person, name: string, namespace: string): Promise<void> {
  const approver = person('approver', 'Application Approver');
  await createUsers(app, { ...approver, staffRoles: ['reviewer'] });
  const applied = await call(app, 'POST', '/v1/partner-applications', {
    token: await accessToken(app, owner),
    body: { organisationName: name, namespace, plan: 'Cart and checkout add-ons for the shops we already work with.' },
  });
  if (applied.status !== 201) throw new Error(`application answered ${applied.status}: ${JSON.stringify(applied.body)}`);
  const approved = await call(app, 'POST', `/v1/staff/partner-applications/${applied.body.id}/approve`, { token: await accessToken(app, approver), body: {} });
  if (approved.status !== 200) throw new Error(`approval answered ${approved.status}: ${JSON.stringify(approved.body)}`);
}

export interface ExamplePackage {
  /** The .tgz on disk (for setInputFiles). */
  file: string;
  bytes: Buffer;
}

/**
 * plugins/volume-discount renamed into `namespace`, bundled and packed as `guild-plugin pack` does.
 * `manifest` is merged over its manifest.
 */
export async function packExample(namespace: string, manifest: Record<string, unknown> = {}): Promise<ExamplePackage> {
  const dir = await mkdtemp(join(tmpdir(), 'guild-browser-plugin-'));
  await cp(EXAMPLE, dir, { recursive: true, filter: (source) => !/[/\\](dist|node_modules)$/.test(source) });
  const manifestFile = join(dir, 'guild-plugin.json');
  const original = JSON.parse(await readFile(manifestFile, 'utf8')) as Record<string, unknown>;
  await writeFile(manifestFile, JSON.stringify({ ...original, name: `${namespace}/volume-discount`, ...manifest }, null, 2));
  const code = await bundlePlugin(dir);
  await mkdir(join(dir, 'dist'), { recursive: true });
  await writeFile(join(dir, 'dist', 'index.js'), code);
  const packed = await packPlugin(dir, { outDir: join(dir, 'out') });
  return { file: packed.file, bytes: await readFile(packed.file) };
}

/**
 * The example with a permission no host API knows, packed byte for byte as the CLI would (the CLI
 * itself refuses to pack it): the server's validator must refuse it and say why.
 */
export async function packWithUnknownPermission(namespace: string): Promise<string> {
  const good = await packExample(namespace, { version: '1.0.1' });
  const dir = join(good.file, '..', '..');
  const manifest = JSON.parse(await readFile(join(dir, 'guild-plugin.json'), 'utf8')) as { permissions: string[] };
  manifest.permissions = [...manifest.permissions, 'teleport:everywhere'];
  const files = await Promise.all(
    ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/index.js', 'icon.svg'].map(async (path) => ({ path, body: await readFile(join(dir, path)) })),
  );
  const tarball = await buildTarball([...files, { path: 'guild-plugin.json', body: Buffer.from(JSON.stringify(manifest, null, 2)) }]);
  const file = join(dir, 'out', 'volume-discount-unknown-permission.tgz');
  await writeFile(file, tarball);
  return file;
}

/** A multipart/form-data body with one file, as the browser sends it. */
export function multipart(field: string, filename: string, data: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----guild-browser-${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/gzip\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A real PNG of one colour, `width` × `height` (the API reads the bytes, so it must be a sound image). */
export function solidPng(width: number, height: number, rgb: [number, number, number] = [51, 79, 209]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3])]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** Writes `data` to a temporary file named `name` (for setInputFiles) and returns its path. */
export async function tempFile(name: string, data: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'guild-browser-file-'));
  const file = join(dir, name);
  await writeFile(file, data);
  return file;
}

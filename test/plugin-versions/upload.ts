import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { call, type CallResult } from '../support/http.js';

/** A multipart/form-data body with one file, as a browser or the CLI sends it. */
export function multipart(field: string, filename: string, data: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----guild-test-${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/gzip\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export const versionsUrl = (listing: { namespace: string; plugin: string }) => `/v1/plugins/${listing.namespace}/${listing.plugin}/versions`;

/** POST …/versions with the package in the `package` field. */
export function uploadPackage(app: NestFastifyApplication, listing: { namespace: string; plugin: string }, data: Buffer, token: string, field = 'package'): Promise<CallResult> {
  const form = multipart(field, 'plugin.tgz', data);
  return call(app, 'POST', versionsUrl(listing), { token, body: form.body, headers: { 'content-type': form.contentType } });
}

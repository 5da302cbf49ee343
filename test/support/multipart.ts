import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { call, type CallResult } from './http.js';

/** The file of a multipart/form-data body; the field defaults to `file`. */
export interface FilePart {
  data: Buffer;
  field?: string;
  filename?: string;
  contentType?: string;
}

/** A multipart/form-data body as a browser or the CLI sends it: text fields first, then the file. */
export function multipart(file: FilePart, fields: Record<string, string> = {}): { body: Buffer; headers: { 'content-type': string } } {
  const boundary = `----guild-test-${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  const { field = 'file', filename = 'upload.bin', contentType = 'application/octet-stream' } = file;
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Sends `file` (after `fields`) to `url` as multipart/form-data. */
export function sendFile(app: NestFastifyApplication, method: 'PUT' | 'POST', url: string, token: string, file: FilePart, fields: Record<string, string> = {}): Promise<CallResult> {
  const { body, headers } = multipart(file, fields);
  return call(app, method, url, { token, body, headers });
}

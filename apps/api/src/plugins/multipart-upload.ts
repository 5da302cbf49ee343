import type { FastifyRequest } from 'fastify';
import { PluginError } from './plugins.errors.js';

export interface Upload {
  filename: string;
  mimetype: string;
  data: Buffer;
  /** Text fields sent before the file part. */
  fields: Record<string, string>;
}

export interface UploadOptions {
  /** The form field that carries the file. */
  field: string;
  maxBytes: number;
  /** The error for a file over `maxBytes` (each upload has its own code). */
  tooLarge: () => Error;
}

/**
 * Reads one file from a multipart/form-data request, streaming and counting: a file over the limit
 * is refused as soon as it passes it, so the server never holds more than `maxBytes` of it.
 */
export async function readUpload(request: FastifyRequest, options: UploadOptions): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new PluginError('NOT_MULTIPART', `Send the file as multipart/form-data, in a field named "${options.field}".`);
  }
  try {
    const part = await request.file({ limits: { fileSize: options.maxBytes, files: 1, fields: 8, fieldSize: 4096, parts: 10 } });
    if (!part || part.fieldname !== options.field) {
      throw new PluginError('FILE_MISSING', `The form holds no file in a field named "${options.field}".`);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of part.file) {
      total += (chunk as Buffer).length;
      if (total > options.maxBytes) throw options.tooLarge();
      chunks.push(chunk as Buffer);
    }
    if (part.file.truncated) throw options.tooLarge();
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(part.fields)) {
      const entry = Array.isArray(value) ? value[0] : value;
      if (entry && entry.type === 'field' && typeof entry.value === 'string') fields[name] = entry.value;
    }
    return { filename: part.filename, mimetype: part.mimetype, data: Buffer.concat(chunks, total), fields };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw options.tooLarge();
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new PluginError('NOT_MULTIPART', `The request is not multipart/form-data; send the file in a field named "${options.field}".`);
    if (typeof code === 'string' && code.startsWith('FST_')) {
      throw new PluginError('FILE_MISSING', `The form could not be read (${(error as Error).message}); send one file in "${options.field}".`);
    }
    throw error;
  }
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

const API_PREFIXES = ['/v1/', '/v1', '/docs', '/health'];
let cachedIndex: { dir: string; html: string } | undefined;

/**
 * The portal is a single-page app: a browser GET for a path no route or file answers (say
 * /profile/tokens after a reload) gets index.html so the client router can take over. API paths
 * keep their JSON 404.
 */
export function serveSpaFallback(exception: unknown, request: FastifyRequest, reply: FastifyReply, portalDir: string): boolean {
  if (!(exception instanceof NotFoundException) || request.method !== 'GET') return false;
  if (request.routeOptions?.url) return false; // a real route said "not found"
  const path = request.url.split('?')[0];
  if (API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return false;
  if (!String(request.headers.accept ?? '').includes('text/html')) return false;
  const html = indexHtml(portalDir);
  if (!html) return false;
  void reply.status(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  return true;
}

function indexHtml(dir: string): string | undefined {
  if (cachedIndex?.dir === dir) return cachedIndex.html;
  const file = join(dir, 'index.html');
  if (!existsSync(file)) return undefined;
  cachedIndex = { dir, html: readFileSync(file, 'utf8') };
  return cachedIndex.html;
}

import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOptions } from './app.module.js';
import { GuildConfig } from './platform/config/guild-config.js';
import { ErrorFilter } from './platform/http/error.filter.js';
import { serveOpenApi } from './platform/http/openapi.js';
import { guildValidationPipe } from './platform/http/validation.pipe.js';
import { requestId } from './platform/logging/logging.module.js';
import { mountQueueBoard } from './platform/queue-board/queue-board.js';

/** JSON bodies above this are refused with 413 PAYLOAD_TOO_LARGE (package uploads get their own limit). */
const BODY_LIMIT = 1024 * 1024;

/**
 * Builds the configured application without listening: main.ts listens on it, tests call it with
 * their own environment. Throws ConfigError naming every bad variable.
 */
export async function createGuildApp(env: Record<string, string | undefined>, options: AppOptions = {}): Promise<NestFastifyApplication> {
  const config = GuildConfig.fromEnv(env);
  const adapter = new FastifyAdapter({ trustProxy: config.trustProxy, bodyLimit: BODY_LIMIT, genReqId: requestId, requestIdHeader: false });
  // JSON only: Fastify's text/plain parser goes (and Nest's urlencoded one is off below), so any
  // other body type is a 415 UNSUPPORTED_MEDIA_TYPE rather than a string that fails validation.
  adapter.getInstance().removeContentTypeParser('text/plain');
  // Echo the request id so a caller can quote it when something goes wrong.
  adapter.getInstance().addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(env, options), adapter, { bufferLogs: true, abortOnError: false, bodyParser: false, rawBody: true });
  // JSON is parsed as usual (with Fastify's prototype-poisoning checks) and, with `rawBody`, its exact
  // bytes are kept as request.rawBody: webhook signatures are computed over them, not re-serialised JSON.
  app.useBodyParser('application/json');
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.setGlobalPrefix('v1', { exclude: ['health'] });
  app.useGlobalPipes(guildValidationPipe());
  app.useGlobalFilters(new ErrorFilter(config.portalDir));
  app.enableCors({ origin: config.portalOrigins, credentials: true, exposedHeaders: ['x-request-id'] });
  await app.register(fastifyCookie);
  // Uploads (plugin packages, listing images) are read as streams; each route sets its own size limit.
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 8, fieldSize: 4096, parts: 10 } });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  serveOpenApi(app);
  if (existsSync(config.portalDir)) {
    await app.register(fastifyStatic, { root: config.portalDir, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  await mountQueueBoard(app);
  app.enableShutdownHooks();
  return app;
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { GuildConfig } from '../config/guild-config.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * JSON logs through pino. Every line written while serving a request carries its id (the caller's
 * X-Request-Id when it looks sane, otherwise a new one, echoed back in the response header).
 * Credentials never reach the log: auth headers, cookies and password/token fields are redacted.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [GuildConfig],
      useFactory: (config: GuildConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: (request: IncomingMessage, response: ServerResponse) => {
            const given = request.headers['x-request-id'];
            const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
            response.setHeader('x-request-id', id);
            return id;
          },
          customAttributeKeys: { reqId: 'requestId' },
          redact: {
            paths: [
              'req.headers.authorization',
              'req.headers.cookie',
              'res.headers["set-cookie"]',
              '*.password',
              '*.accessToken',
              '*.refreshToken',
              '*.token',
              'err.config.headers',
            ],
            censor: '[redacted]',
          },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
          },
          autoLogging: { ignore: (request: IncomingMessage) => request.url === '/health' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}

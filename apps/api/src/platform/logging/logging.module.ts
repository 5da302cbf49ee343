import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { GuildConfig } from '../config/guild-config.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** The caller's X-Request-Id when it looks sane (so traces join up across services), else a new one. */
export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Credentials never reach the log: auth headers, cookies and password or token fields are redacted. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
];

function httpLogOptions(config: GuildConfig): Options {
  return {
    level: config.logLevel,
    // Fastify assigns the id (requestId below); pino-http reuses it, so every line logged while
    // serving a request carries it as req.id.
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      // Query strings can carry secrets (a token pasted into a link): log the path only.
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (request: IncomingMessage) => request.url === '/health' },
  };
}

/** JSON logs through pino (nestjs-pino), one line per request plus whatever services log. */
@Module({})
export class LoggingModule {
  /** `destination` defaults to stdout; tests pass a stream to read what was logged. */
  static forRoot(destination?: DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [GuildConfig],
          useFactory: (config: GuildConfig) => {
            const options = httpLogOptions(config);
            return { pinoHttp: destination ? [options, destination] : options };
          },
        }),
      ],
    };
  }
}

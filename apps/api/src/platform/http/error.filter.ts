import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { ApiErrorBody } from '@guild/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error.js';
import { serveSpaFallback } from './spa-fallback.js';

const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
};

/** Fastify's own errors (body parsing, limits) carry a FST_* code and a statusCode. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
};

/** Every error leaves Guild as `{"error":{code,message,details}}`; unexpected ones get an errorId that is logged. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  constructor(private readonly portalDir?: string) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    if (this.portalDir && serveSpaFallback(exception, request, reply, this.portalDir)) return;
    const { status, body } = this.toBody(exception);
    if (status >= 500) {
      body.error.errorId = randomUUID();
      this.logger.error({ err: exception, errorId: body.error.errorId }, 'unhandled error');
    }
    // A 429 that knows when the caller may try again says so the standard way too.
    const retryAfter = (body.error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (status === 429 && typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply.status(status).send(body);
  }

  private toBody(exception: unknown): { status: number; body: ApiErrorBody } {
    if (exception instanceof DomainError) {
      return { status: exception.status, body: { error: { code: exception.code, message: exception.message, details: exception.details } } };
    }
    if (exception instanceof ThrottlerException) {
      return { status: 429, body: { error: { code: 'RATE_LIMITED', message: 'Too many attempts; wait a minute and try again.' } } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      // Our own throws pass `{code, message, details}`; Nest's built-ins pass a string or {message, error}.
      if (typeof response === 'object' && response !== null && 'code' in response) {
        const { code, message, details } = response as { code: string; message: string; details?: unknown };
        return { status, body: { error: { code, message, details } } };
      }
      const message = typeof response === 'string' ? response : String((response as { message?: string | string[] }).message ?? exception.message);
      // Nest wraps Fastify's own errors (body parsing, limits) in an HttpException with the original as cause.
      const fastifyCode = FASTIFY_CODES[(exception.cause as { code?: string } | undefined)?.code ?? ''];
      return { status, body: { error: { code: fastifyCode ?? STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'ERROR'), message } } };
    }
    const fastifyError = exception as { code?: string; statusCode?: number; message?: string };
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500) {
      const code = FASTIFY_CODES[fastifyError.code ?? ''] ?? STATUS_CODES[fastifyError.statusCode] ?? 'BAD_REQUEST';
      return { status: fastifyError.statusCode, body: { error: { code, message: fastifyError.message ?? 'Bad request' } } };
    }
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side; quote the errorId if you report it.' } } };
  }
}

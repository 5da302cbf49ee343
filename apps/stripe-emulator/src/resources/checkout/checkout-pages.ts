import type { FastifyInstance } from 'fastify';
import type { PageEnvironment } from '../../pages/pages.js';

export function registerCheckoutPages(app: FastifyInstance, env: PageEnvironment): void {
  void app;
  void env;
}

import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_RULE } from '../../apps/api/src/identity/access.decorator.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { call } from '../support/http.js';

describe('every route states who may call it', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  /** Every handler Nest registered as an HTTP route, with its access rule (or undefined). */
  function routes() {
    const scanner = new MetadataScanner();
    const reflector = ctx.app.get(Reflector);
    const controllers = [...ctx.app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
    return controllers.flatMap((wrapper) => {
      const controller = wrapper.metatype as new () => object;
      const prototype = controller.prototype as Record<string, () => unknown>;
      return scanner
        .getAllMethodNames(prototype)
        .filter((name) => Reflect.getMetadata(PATH_METADATA, prototype[name]) !== undefined)
        .map((name) => {
          const handler = prototype[name];
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
          const path = `${Reflect.getMetadata(PATH_METADATA, controller)}/${Reflect.getMetadata(PATH_METADATA, handler)}`;
          return { route: `${method} ${path} (${controller.name}.${name})`, rule: reflector.getAllAndOverride(ACCESS_RULE, [handler, controller]) };
        });
    });
  }

  it('finds the routes (the walk itself works)', () => {
    const found = routes().map((r) => r.route);
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/^POST auth\/sign-in/), expect.stringMatching(/^GET staff\/audit/), expect.stringMatching(/^GET health/)]));
  });

  it('has no route without an access rule', () => {
    expect(routes().filter((r) => !r.rule).map((r) => r.route)).toEqual([]);
  });

  it('closes a route that declares nothing, rather than opening it', async () => {
    const { AccessGuard } = await import('../../apps/api/src/identity/access.guard.js');
    const guard = new AccessGuard(new Reflector());
    class Undeclared {
      handler() {}
    }
    const context = { getHandler: () => Undeclared.prototype.handler, getClass: () => Undeclared, switchToHttp: () => ({ getRequest: () => ({}) }) };
    await expect(guard.canActivate(context as never)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('answers 401 on every non-public route without credentials', async () => {
    const secured = routes().filter((r) => r.rule.kind !== 'public');
    expect(secured.length).toBeGreaterThan(5);
    for (const { route } of secured) {
      const [method, path] = route.split(' ');
      const url = `/v1/${path.replace(/:[a-z]+/gi, '00000000-0000-4000-8000-000000000000').replace(/\/+$/, '')}`.replace(/\/+/g, '/').replace('/v1/health', '/health');
      const res = await call(ctx.app, method, url, { body: method === 'GET' || method === 'DELETE' ? undefined : {} });
      expect([route, res.status, res.body?.error?.code]).toEqual([route, 401, 'UNAUTHENTICATED']);
    }
  });
});

import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { EXTENSION_POINTS } from '@guild/extension-points';
import { plainSchema } from '../../extension-points/extension-points.view.js';

export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Guild API')
    .setDescription(
      'Partner marketplace and plugin extension system. Errors are `{"error":{"code","message","details"}}`; ' +
        'authenticate with `Authorization: Bearer <access JWT or gld_ API token>`.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  // Each extension point's payloads, straight from the registry, so the reference cannot drift.
  const schemas = (document.components ??= {}).schemas ?? {};
  for (const point of Object.values(EXTENSION_POINTS)) {
    schemas[`point.${point.name}.input`] = plainSchema(point.input) as object;
    if (point.kind === 'function') schemas[`point.${point.name}.output`] = plainSchema(point.output) as object;
  }
  document.components.schemas = schemas;
  return document;
}

/** Swagger UI at /docs, the JSON document at /docs-json. */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'docs-json', customSiteTitle: 'Guild API' });
}

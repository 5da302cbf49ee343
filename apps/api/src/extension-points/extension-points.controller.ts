import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MANIFEST_SCHEMA } from '@guild/plugin-manifest';
import { Access } from '../identity/access.decorator.js';
import { getPoint, listPoints, plainSchema, type ExtensionPointView } from './extension-points.view.js';

const POINT_SCHEMA = {
  type: 'object',
  required: ['name', 'kind', 'description', 'permission', 'since', 'input'],
  properties: {
    name: { type: 'string', example: 'cart.discounts' },
    kind: { type: 'string', enum: ['event', 'function'] },
    description: { type: 'string' },
    permission: { type: 'string', example: 'functions:cart.discounts' },
    since: { type: 'string', description: 'the host API version that introduced the point' },
    input: { type: 'object', description: 'JSON Schema of what plugins receive (also in components as point.<name>.input)' },
    output: { type: 'object', description: 'functions: JSON Schema of an answer (also point.<name>.output)' },
    timeBudgetMs: { type: 'integer', description: 'functions: how long the offering waits for answers' },
    rule: { type: 'string', description: 'functions: how answers are combined' },
  },
};

/** Public reference for plugin authors, generated from the extension-point registry. */
@ApiTags('extension points')
@Controller()
export class ExtensionPointsController {
  @Get('extension-points')
  @Access.public()
  @ApiOkResponse({
    description: 'Every event and function plugins can implement, with schemas, permissions and combine rules.',
    schema: { type: 'object', required: ['hostApiVersion', 'points'], properties: { hostApiVersion: { type: 'string' }, points: { type: 'array', items: POINT_SCHEMA } } },
  })
  list(): { hostApiVersion: string; points: ExtensionPointView[] } {
    return listPoints();
  }

  @Get('extension-points/:name')
  @Access.public()
  @ApiOkResponse({ schema: POINT_SCHEMA })
  @ApiNotFoundResponse({ description: 'EXTENSION_POINT_NOT_FOUND' })
  get(@Param('name') name: string): ExtensionPointView {
    return getPoint(name);
  }

  @Get('plugin-manifest/schema')
  @Access.public()
  @ApiOkResponse({ description: 'The JSON Schema of guild-plugin.json, for editors and the CLI.', schema: { type: 'object' } })
  manifestSchema(): unknown {
    return plainSchema(MANIFEST_SCHEMA);
  }
}

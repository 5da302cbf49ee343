import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { SettingsSchema } from './manifest.schema.js';

const TOP_LEVEL_PROPERTY = /^#\/properties\/[^/]+$/;

/**
 * A fresh ajv per settings schema: a partner's `$id`s must not collide with another's, and the
 * instance is what later validates the buyer's answers against this exact schema.
 */
export function compileSettingsSchema(schema: SettingsSchema): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, logger: false });
  addFormats.default(ajv);
  ajv.addKeyword({
    keyword: 'secret',
    schemaType: 'boolean',
    // Secrets are stored encrypted and masked as whole form fields, so only top-level strings qualify.
    compile(secret: boolean, parentSchema, it) {
      if (secret && parentSchema.type !== 'string') throw new Error(`${it.errSchemaPath}: only string properties may be secret`);
      if (secret && !TOP_LEVEL_PROPERTY.test(it.errSchemaPath)) {
        throw new Error(`${it.errSchemaPath}: only top-level properties may be secret`);
      }
      return () => true;
    },
  });
  if (schema.$async !== undefined) throw new Error('must not be $async');
  return ajv.compile(schema);
}

/** The settings the platform must store encrypted and never echo back. */
export function secretSettingKeys(manifest: { settings?: SettingsSchema }): string[] {
  return Object.entries(manifest.settings?.properties ?? {})
    .filter(([, property]) => property.secret === true)
    .map(([key]) => key);
}

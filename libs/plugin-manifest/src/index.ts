export * from './limits.js';
export * from './manifest.errors.js';
export { MANIFEST_SCHEMA, NAME_PATTERN, ENTRY_PATTERN, SETTING_KEY_PATTERN } from './manifest.schema.js';
export type { Manifest, ManifestDocument, SettingsSchema } from './manifest.schema.js';
export { parseManifest, type ManifestResult } from './parse-manifest.js';
export { compileSettingsSchema, secretSettingKeys } from './settings-schema.js';

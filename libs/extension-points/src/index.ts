export * from './version.js';
export * from './extension-point.js';
export * from './registry.js';
export * from './permissions.js';
export * from './validation.js';
export * from './validation-issues.js';
export type { Classification, Discount, FieldError } from './combine-rules.js';
export { CONFIDENT } from './combine-rules.js';

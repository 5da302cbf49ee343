export * from './roles.js';
export * from './scopes.js';
export * from './errors.js';
export * from './partner-roles.js';

export * from './roles.js';
export * from './scopes.js';
export * from './errors.js';

#!/usr/bin/env node
// The CLI is TypeScript run through tsx; the repository's tsconfig.json gives it the `@guild/*` aliases,
// whatever folder it is started from.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)) });
await import('../src/cli/main.ts');

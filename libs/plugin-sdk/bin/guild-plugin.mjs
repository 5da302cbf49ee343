#!/usr/bin/env node
// The CLI is TypeScript run through tsx. The repository's tsconfig.json gives it the `@guild/*`
// aliases whatever folder it is started from; set in the environment, it does the same for the
// processes the CLI starts through tsx (`guild-plugin test` runs the plugin's tests).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

process.env.TSX_TSCONFIG_PATH = fileURLToPath(new URL('../../../tsconfig.json', import.meta.url));
register();
await import('../src/cli/main.ts');

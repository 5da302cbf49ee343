// Writes the OpenAPI document to a file (npm run openapi), for the portal's generated client.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createGuildApp } from './app.factory.js';
import { openApiDocument } from './platform/http/openapi.js';

const out = process.argv[2] ?? 'openapi.json';
const app = await createGuildApp({ ...process.env, GUILD_DATA_DIR: 'memory://', GUILD_DEMO_DATA: 'false', LOG_LEVEL: 'silent', DATABASE_URL: '', REDIS_URL: '' });
await app.init();
writeFileSync(out, `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
await app.close();
process.stdout.write(`OpenAPI document written to ${out}\n`);

import { probeServices } from './services.js';

/** Probes PostgreSQL and Redis once per run; workers inherit the answer through the environment. */
export default async function globalSetup(): Promise<void> {
  const found = await probeServices();
  process.env.GUILD_TEST_SERVICES_FOUND = JSON.stringify(found);
  const describe = (name: string, up: boolean, fallback: string) => (up ? name : `${fallback} (no ${name})`);
  process.stdout.write(`\n[guild tests] ${describe('PostgreSQL', found.postgres, 'PGlite')}, ${describe('Redis', found.redis, 'in-process jobs')}\n`);
}

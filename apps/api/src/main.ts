import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createGuildApp } from './app.factory.js';
import { ConfigError, GuildConfig } from './platform/config/guild-config.js';
import { announce } from './platform/logging/announce.js';
import { StripeConnection } from './stripe/stripe-connection.js';

async function main(): Promise<void> {
  let config: GuildConfig;
  try {
    config = GuildConfig.fromEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
    process.exit(1);
  }
  const app = await createGuildApp(process.env);
  // A second signal, or a drain that overruns, ends the process anyway.
  const forceExit = () => setTimeout(() => process.exit(1), config.shutdownTimeoutMs + 5_000).unref();
  process.once('SIGTERM', forceExit);
  process.once('SIGINT', forceExit);
  if (config.runsHttp) {
    await app.listen({ port: config.port, host: config.host });
    const where = config.embedded ? `embedded PostgreSQL in ${config.inMemory ? 'memory' : config.dataDir}` : 'PostgreSQL';
    announce(config, [
      `Guild is running at ${config.publicUrl} (role ${config.role}; ${where}; ${config.redisUrl ? 'jobs on Redis' : 'in-process jobs'})`,
      `  portal ${config.publicUrl}/   API ${config.publicUrl}/v1   docs ${config.publicUrl}/docs   health ${config.publicUrl}/health`,
      stripeLine(app.get(StripeConnection), config),
    ]);
  } else {
    await app.init();
    new Logger('Guild').log('Worker started: processing jobs, not serving HTTP');
  }
}

function stripeLine(stripe: StripeConnection, config: GuildConfig): string {
  if (!stripe.usesEmulator) return `  Stripe: ${config.stripeSecretKey?.includes('_live_') ? 'LIVE mode' : 'test mode'} (STRIPE_SECRET_KEY)`;
  return `  Stripe: local emulator at ${stripe.emulatorPublicUrl} (no STRIPE_SECRET_KEY; test cards: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined)`;
}

main().catch((error: unknown) => {
  process.stderr.write(`Guild failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

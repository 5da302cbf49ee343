import { startFromEnv } from './start.js';

/**
 * Runs the emulator on its own: `node dist/apps/stripe-emulator/src/main.js`, configured by the
 * STRIPE_EMULATOR_* variables (see start.ts and the README). Stops cleanly on SIGINT/SIGTERM,
 * saving the snapshot if one is configured.
 */
async function main(): Promise<void> {
  const emulator = await startFromEnv(process.env);
  process.stdout.write(`Stripe emulator listening at ${emulator.url} (hosted pages at ${emulator.publicUrl})\n`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Stripe emulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

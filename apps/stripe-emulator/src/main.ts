import { resolve } from 'node:path';
import { StripeEmulator } from './emulator.js';

/**
 * Runs the emulator on its own: `node dist/apps/stripe-emulator/src/main.js`.
 * STRIPE_EMULATOR_PORT (default 12111), STRIPE_EMULATOR_HOST (127.0.0.1),
 * STRIPE_EMULATOR_SNAPSHOT (a JSON file to keep state in; none by default),
 * STRIPE_EMULATOR_PUBLIC_URL (base of hosted-page links), STRIPE_EMULATOR_API_KEY (accept only this key).
 */
async function main(): Promise<void> {
  const env = process.env;
  const emulator = new StripeEmulator({
    snapshotPath: env.STRIPE_EMULATOR_SNAPSHOT ? resolve(env.STRIPE_EMULATOR_SNAPSHOT) : undefined,
    publicUrl: env.STRIPE_EMULATOR_PUBLIC_URL || undefined,
    apiKey: env.STRIPE_EMULATOR_API_KEY || undefined,
  });
  const url = await emulator.listen(Number(env.STRIPE_EMULATOR_PORT ?? 12111), env.STRIPE_EMULATOR_HOST ?? '127.0.0.1');
  process.stdout.write(`Stripe emulator listening at ${url} (hosted pages at ${emulator.publicUrl})\n`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Stripe emulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import { resolve } from 'node:path';
import { StripeEmulator, type EmulatorOptions } from './emulator.js';

/** The environment variables the standalone emulator reads; see the README. */
export interface EmulatorEnvironment {
  STRIPE_EMULATOR_PORT?: string;
  STRIPE_EMULATOR_HOST?: string;
  STRIPE_EMULATOR_SNAPSHOT?: string;
  STRIPE_EMULATOR_PUBLIC_URL?: string;
  STRIPE_EMULATOR_API_KEY?: string;
  STRIPE_EMULATOR_WEBHOOK_ATTEMPTS?: string;
  STRIPE_EMULATOR_WEBHOOK_RETRY_MS?: string;
  [name: string]: string | undefined;
}

export interface StandaloneSettings {
  port: number;
  host: string;
  options: EmulatorOptions;
}

export const DEFAULT_PORT = 12111;

/** Reads the settings, refusing malformed values with a message naming the variable. */
export function settingsFromEnv(env: EmulatorEnvironment): StandaloneSettings {
  const attempts = integer(env, 'STRIPE_EMULATOR_WEBHOOK_ATTEMPTS', 1, 100);
  const baseDelayMs = integer(env, 'STRIPE_EMULATOR_WEBHOOK_RETRY_MS', 1, 3_600_000);
  const publicUrl = set(env.STRIPE_EMULATOR_PUBLIC_URL);
  if (publicUrl && !/^https?:\/\/[^/]/.test(publicUrl)) throw new Error(`STRIPE_EMULATOR_PUBLIC_URL must be an http(s) URL, not "${publicUrl}"`);
  const snapshot = set(env.STRIPE_EMULATOR_SNAPSHOT);
  return {
    port: integer(env, 'STRIPE_EMULATOR_PORT', 0, 65_535) ?? DEFAULT_PORT,
    host: set(env.STRIPE_EMULATOR_HOST) ?? '127.0.0.1',
    options: {
      snapshotPath: snapshot ? resolve(snapshot) : undefined,
      publicUrl,
      apiKey: set(env.STRIPE_EMULATOR_API_KEY),
      retry: { ...(attempts === undefined ? {} : { attempts }), ...(baseDelayMs === undefined ? {} : { baseDelayMs }) },
    },
  };
}

/** Builds the emulator the environment describes and starts listening; the caller closes it. */
export async function startFromEnv(env: EmulatorEnvironment): Promise<StripeEmulator> {
  const { port, host, options } = settingsFromEnv(env);
  const emulator = new StripeEmulator(options);
  try {
    await emulator.listen(port, host);
  } catch (error) {
    await emulator.close();
    throw error;
  }
  return emulator;
}

function set(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: EmulatorEnvironment, name: string, min: number, max: number): number | undefined {
  const value = set(env[name]);
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) throw new Error(`${name} must be an integer from ${min} to ${max}, not "${value}"`);
  return number;
}

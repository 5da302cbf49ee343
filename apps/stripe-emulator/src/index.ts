export { StripeEmulator, type EmulatorOptions } from './emulator.js';
export type { Chaos, DeliveryAttempt, RetryPolicy } from './webhooks/delivery.js';
export { signatureHeader } from './webhooks/signature.js';

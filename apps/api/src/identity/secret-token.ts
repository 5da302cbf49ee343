import { createHash, randomBytes } from 'node:crypto';

/** A high-entropy secret and the SHA-256 under which it is stored (slow hashing is for passwords, not 256-bit secrets). */
export function newSecret(prefix = ''): { secret: string; hash: string } {
  const secret = `${prefix}${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

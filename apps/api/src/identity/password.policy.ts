import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { IdentityError } from './identity.errors.js';

export const PASSWORD_MIN_LENGTH = 10;
/** Caps argon2's input so a megabyte "password" cannot be used to burn CPU. */
export const PASSWORD_MAX_LENGTH = 256;

let common: Set<string> | undefined;
/** zxcvbn's list of the ~50k most common passwords; only those long enough to pass the length rule matter. */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].filter((p) => p.length >= PASSWORD_MIN_LENGTH).map((p) => p.toLowerCase()));
  return common;
}

/** Refuses passwords that are on the common list or are just the account's email or name. */
export function assertAcceptablePassword(password: string, context: { email: string; displayName?: string }): void {
  const lowered = password.toLowerCase();
  const personal = [context.email.toLowerCase(), context.email.split('@')[0]?.toLowerCase(), context.displayName?.toLowerCase()];
  if (commonPasswords().has(lowered) || personal.includes(lowered)) {
    throw new IdentityError('PASSWORD_TOO_COMMON', 'Choose a less common password.', [
      { field: 'password', messages: ['This password is too common or too easy to guess; choose another.'] },
    ]);
  }
}

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's recommended minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the email is unknown, so a miss costs as long as a hit and reveals nothing. */
export const DECOY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$3/MqwUGGtRQbD1f7pPa7nQ$6B1WJfkaTc3aQ4jkPG/fv0rcXKygQYr/Fvqtq97G0R0';

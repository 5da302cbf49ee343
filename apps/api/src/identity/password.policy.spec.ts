import { assertAcceptablePassword, DECOY_HASH, hashPassword, verifyPassword } from './password.policy.js';

describe('password policy', () => {
  const context = { email: 'ada.lovelace@example.com', displayName: 'Ada' };

  it('refuses passwords from the common list, whatever their case', () => {
    for (const password of ['password1234', 'PASSWORD1234', 'qwertyuiop', '1234567890']) {
      expect(() => assertAcceptablePassword(password, context)).toThrow(expect.objectContaining({ code: 'PASSWORD_TOO_COMMON' }));
    }
  });

  it('refuses the email or its local part as the password', () => {
    expect(() => assertAcceptablePassword('ada.lovelace@example.com', context)).toThrow();
    expect(() => assertAcceptablePassword('Ada.Lovelace', context)).toThrow();
  });

  it('accepts an uncommon passphrase', () => {
    expect(() => assertAcceptablePassword('violet anchor trellis', context)).not.toThrow();
  });

  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('violet anchor trellis');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(verifyPassword(hash, 'violet anchor trellis')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'violet anchor trellis!')).resolves.toBe(false);
    await expect(verifyPassword('not a hash', 'x')).resolves.toBe(false);
  });

  it('has a decoy hash that is a real argon2id hash, so unknown emails cost as much as known ones', async () => {
    expect(DECOY_HASH).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(verifyPassword(DECOY_HASH, 'anything')).resolves.toBe(false);
  });
});

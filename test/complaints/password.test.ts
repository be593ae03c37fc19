import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/complaints/password.ts';

describe('staff passwords', () => {
  it('verifies the password it hashed, and nothing else', async () => {
    const stored = await hashPassword('mật khẩu đúng');
    expect(stored).toMatch(/^scrypt:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    expect(await verifyPassword('mật khẩu đúng', stored)).toBe(true);
    expect(await verifyPassword('mật khẩu sai', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it.each(['', 'plain', 'scrypt::', 'scrypt:abc', 'bcrypt:abc:def', 'scrypt:abc:de f'])('refuses a malformed stored value %j', async (stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });
});

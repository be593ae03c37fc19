// Checking a staff login: the password against the scrypt hash from ADMIN_USERS, with
// the same work for an unknown name (a hash of a random password), so the answer time
// does not tell which names exist; and a cap on failed attempts per IP address,
// counted in the store so that every instance sees the same count.
import { randomBytes } from 'node:crypto';
import type { AdminUser } from '../../src/config.ts';
import { hashPassword, verifyPassword } from '../../src/complaints/password.ts';
import type { Store } from '../../src/store/store.ts';

const FAILURES = 'admin-login-failures';
export const MAX_FAILED_LOGINS = 10;
export const FAILURE_WINDOW_MS = 15 * 60_000;

export type LoginResult = { ok: true; name: string } | { ok: false; reason: 'wrong' | 'too_many' };

export interface LoginChecker {
  check(ip: string, name: string, password: string): Promise<LoginResult>;
}

export async function createLoginChecker(store: Store, users: readonly AdminUser[]): Promise<LoginChecker> {
  const decoy = await hashPassword(randomBytes(16).toString('base64url'));
  const hashes = new Map(users.map((user) => [user.name, user.passwordHash]));
  return {
    async check(ip, name, password) {
      // Counted before the slow check, atomically: tries sent all at once are counted all at once.
      if ((await store.increment(FAILURES, ip, FAILURE_WINDOW_MS)) > MAX_FAILED_LOGINS) return { ok: false, reason: 'too_many' };
      const hash = hashes.get(name);
      const matches = await verifyPassword(password, hash ?? decoy);
      if (hash === undefined || !matches) return { ok: false, reason: 'wrong' };
      // A right password within the limit clears the address's count.
      await store.delete(FAILURES, ip);
      return { ok: true, name };
    },
  };
}

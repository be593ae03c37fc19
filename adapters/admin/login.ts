// Checking a staff login: the password against the scrypt hash from ADMIN_USERS, with
// the same work for an unknown name (a hash of a random password), so the answer time
// does not tell which names exist. The cap on failed tries per address is the sign-in
// route's (plugin.ts), counted before this check.
import { randomBytes } from 'node:crypto';
import type { AdminUser } from '../../src/config.ts';
import { hashPassword, verifyPassword } from '../../src/complaints/password.ts';

export const MAX_FAILED_LOGINS = 10;
export const FAILURE_WINDOW_MS = 15 * 60_000;

export interface LoginChecker {
  /** The staff member's name when the password is theirs; undefined otherwise. */
  check(name: string, password: string): Promise<string | undefined>;
}

export async function createLoginChecker(users: readonly AdminUser[]): Promise<LoginChecker> {
  const decoy = await hashPassword(randomBytes(16).toString('base64url'));
  const hashes = new Map(users.map((user) => [user.name, user.passwordHash]));
  return {
    async check(name, password) {
      const hash = hashes.get(name);
      const matches = await verifyPassword(password, hash ?? decoy);
      return hash !== undefined && matches ? name : undefined;
    },
  };
}

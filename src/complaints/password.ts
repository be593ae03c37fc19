// Staff passwords for the web inbox, kept as "scrypt:<salt>:<hash>" (both base64url)
// in ADMIN_USERS: a memory-hard hash, so a leaked configuration does not give the
// passwords away cheaply. The cost parameters are fixed (Node's defaults), which
// keeps the stored form short enough to paste into an environment variable.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const STORED = /^scrypt:([A-Za-z0-9_-]+):([A-Za-z0-9_-]+)$/;

/** A new "scrypt:<salt>:<hash>" for `password`, with a random salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await scryptAsync(password, salt, KEY_BYTES);
  return `scrypt:${salt.toString('base64url')}:${hash.toString('base64url')}`;
}

/** Whether `password` matches `stored`; false for a malformed `stored`. Compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = STORED.exec(stored);
  if (!match) return false;
  const salt = Buffer.from(match[1]!, 'base64url');
  const expected = Buffer.from(match[2]!, 'base64url');
  if (expected.length === 0) return false;
  const actual = await scryptAsync(password, salt, expected.length);
  return timingSafeEqual(actual, expected);
}

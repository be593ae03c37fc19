// Staff sessions, kept in the store so that every app instance behind a load balancer
// knows them. The cookie holds a random id; the store holds it only hashed, so reading
// the store does not give anyone a way in. Each session has its own CSRF token.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../../src/store/store.ts';

const NAMESPACE = 'admin-session';
export const SESSION_TTL_MS = 12 * 3600_000;
export const COOKIE_NAME = 'motcua_admin';
const COOKIE_PATH = '/admin';

export interface AdminSession {
  /** The staff member, as written in ADMIN_USERS and in the history. */
  name: string;
  csrf: string;
}

export class AdminSessions {
  constructor(
    private readonly store: Store,
    private readonly secureCookies: boolean,
  ) {}

  /** A new session for `name`; returns the Set-Cookie value that carries it. */
  async open(name: string): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const session: AdminSession = { name, csrf: randomBytes(24).toString('base64url') };
    await this.store.set(NAMESPACE, storeKey(id), session, SESSION_TTL_MS);
    return this.cookie(id, SESSION_TTL_MS / 1000);
  }

  /** The session the request's Cookie header names, if it is still valid. */
  async find(cookieHeader: string | undefined): Promise<AdminSession | undefined> {
    const id = readCookie(cookieHeader, COOKIE_NAME);
    return id ? this.store.get<AdminSession>(NAMESPACE, storeKey(id)) : undefined;
  }

  /** Ends the session the Cookie header names; returns the Set-Cookie value that clears it. */
  async close(cookieHeader: string | undefined): Promise<string> {
    const id = readCookie(cookieHeader, COOKIE_NAME);
    if (id) await this.store.delete(NAMESPACE, storeKey(id));
    return this.cookie('', 0);
  }

  private cookie(value: string, maxAgeSeconds: number): string {
    return `${COOKIE_NAME}=${value}; Path=${COOKIE_PATH}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${this.secureCookies ? '; Secure' : ''}`;
  }
}

/** Whether a submitted form's token is the session's, compared in constant time. */
export function csrfMatches(session: AdminSession, submitted: unknown): boolean {
  if (typeof submitted !== 'string') return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}

function storeKey(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

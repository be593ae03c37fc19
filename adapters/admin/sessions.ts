// Staff sessions, kept in the store so that every app instance behind a load balancer
// knows them. The cookie holds a random id; the store holds it only hashed, so reading
// the store does not give anyone a way in.
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../../src/store/store.ts';

const NAMESPACE = 'admin-session';
export const SESSION_TTL_MS = 12 * 3600_000;
export const COOKIE_NAME = 'motcua_admin';
const COOKIE_PATH = '/admin';

export interface AdminSession {
  /** The staff member, as written in ADMIN_USERS and in the history. */
  name: string;
}

/** What a signed-in page shows: who is signed in, and the CSRF token its forms carry. */
export interface PageSession extends AdminSession {
  csrf: string;
  /** May edit the knowledge (KNOWLEDGE_EDITORS). */
  editor: boolean;
}

/** How the session cookie is set: only for /admin, never read by scripts, never sent from another site. */
export interface SessionCookie {
  name: string;
  value: string;
  options: { path: string; maxAge: number; httpOnly: true; sameSite: 'strict'; secure: boolean };
}

export class AdminSessions {
  constructor(
    private readonly store: Store,
    private readonly secureCookies: boolean,
  ) {}

  /** A new session for `name`, and the cookie that carries it. */
  async open(name: string): Promise<SessionCookie> {
    const id = randomBytes(32).toString('base64url');
    const session: AdminSession = { name };
    await this.store.set(NAMESPACE, storeKey(id), session, SESSION_TTL_MS);
    return this.cookie(id, SESSION_TTL_MS / 1000);
  }

  /** The session the cookie names, if it is still valid. */
  async find(id: string | undefined): Promise<AdminSession | undefined> {
    return id ? this.store.get<AdminSession>(NAMESPACE, storeKey(id)) : undefined;
  }

  /** Ends the session the cookie names; returns the cookie that clears it. */
  async close(id: string | undefined): Promise<SessionCookie> {
    if (id) await this.store.delete(NAMESPACE, storeKey(id));
    return this.cookie('', 0);
  }

  private cookie(value: string, maxAge: number): SessionCookie {
    return { name: COOKIE_NAME, value, options: { path: COOKIE_PATH, maxAge, httpOnly: true, sameSite: 'strict', secure: this.secureCookies } };
  }
}

function storeKey(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

// The staff inbox as the admin tests use it: the real plugin on a Fastify app, a real
// Hotline on the given database with a clock the test moves, sessions in the given store,
// two staff accounts, and a small browser-like client that keeps the session cookie and
// reads CSRF tokens.
import Fastify, { type FastifyInstance, type InjectOptions, type LightMyRequestResponse } from 'fastify';
import { adminInbox, type AdminInboxOptions } from '../../adapters/admin/plugin.ts';
import { COOKIE_NAME as SESSION_COOKIE } from '../../adapters/admin/sessions.ts';
import { Hotline } from '../../src/complaints/hotline.ts';
import { hashPassword } from '../../src/complaints/password.ts';
import { WorkingCalendar } from '../../src/complaints/working-days.ts';
import type { Database } from '../../src/store/database.ts';
import type { Store } from '../../src/store/store.ts';

export const PASSWORDS = { lan: 'mat-khau-cua-lan', minh: 'mat-khau-cua-minh' };
const USERS = await Promise.all(Object.entries(PASSWORDS).map(async ([name, password]) => ({ name, passwordHash: await hashPassword(password) })));

/** Tuesday 1 December 2026, 09:30 in Vietnam. */
export const START = Date.UTC(2026, 11, 1, 2, 30);
export const DAY = 24 * 3600_000;

export interface InboxApp {
  app: FastifyInstance;
  hotline: Hotline;
  clock: { now: number };
}

/** The inbox on `store` (sessions, login counts) and `database` (complaints). */
export async function inboxApp(
  store: Store,
  database: Database,
  options: { targets?: string[]; secureCookies?: boolean; knowledgeErrors?: () => readonly string[]; knowledge?: (now: () => number) => AdminInboxOptions['knowledge']; editors?: string[] } = {},
): Promise<InboxApp> {
  const clock = { now: START };
  const hotline = new Hotline({ database, calendar: new WorkingCalendar({ fixed: [], dates: [] }), dueWorkingDays: 10, targets: options.targets ?? [], now: () => clock.now });
  const app = Fastify();
  await app.register(adminInbox, {
    hotline,
    store,
    users: USERS,
    secureCookies: options.secureCookies ?? false,
    ...(options.knowledgeErrors ? { knowledgeErrors: options.knowledgeErrors } : {}),
    ...(options.knowledge ? { knowledge: options.knowledge(() => clock.now) } : {}),
    ...(options.editors ? { editors: options.editors } : {}),
  });
  await app.ready();
  return { app, hotline, clock };
}

/** A staff member's browser: the cookies it was given (session, CSRF secret), and the CSRF token of the last page it loaded. */
export class Staff {
  cookies = new Map<string, string>();
  csrf = '';

  constructor(
    private app: FastifyInstance,
    readonly ip = '10.0.0.1',
  ) {}

  /** The same browser (cookie and token) talking to another app instance. */
  on(app: FastifyInstance): Staff {
    const other = new Staff(app, this.ip);
    Object.assign(other, { cookies: new Map(this.cookies), csrf: this.csrf });
    return other;
  }

  /** Opens the sign-in page (for its token) and signs in, as a person does. */
  async login(name: string, password: string): Promise<LightMyRequestResponse> {
    await this.get('/admin/login');
    return this.post('/admin/login', { name, password });
  }

  /** The session cookie's value, if the browser holds one. */
  get session(): string | undefined {
    return this.cookies.get(SESSION_COOKIE) || undefined;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.send({ method: 'GET', url });
  }

  /** Posts a form as a browser does (a field given several values is sent once for each); `csrf` is added unless the form names its own. */
  async post(url: string, form: Record<string, string | string[]>): Promise<LightMyRequestResponse> {
    const fields = Object.entries({ ...(this.csrf ? { csrf: this.csrf } : {}), ...form }).flatMap(([name, value]) => [value].flat().map((one): [string, string] => [name, one]));
    const body = new URLSearchParams(fields).toString();
    return this.send({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** Opens the complaint page (for a fresh token) and submits one of its forms. */
  async act(code: string, form: Record<string, string>): Promise<LightMyRequestResponse> {
    await this.get(`/admin/complaints/${code}`);
    return this.post(`/admin/complaints/${code}/act`, form);
  }

  private async send(options: InjectOptions): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.app.inject({ ...options, remoteAddress: this.ip, headers: { ...options.headers, ...(cookie ? { cookie } : {}) } });
    for (const set of [response.headers['set-cookie'] ?? []].flat()) {
      const [pair] = set.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const token = /name="csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrf = token;
    return response;
  }
}

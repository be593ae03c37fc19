// The staff inbox as the admin tests use it: the real plugin on a Fastify app, a real
// Hotline on the given database with a clock the test moves, sessions in the given store,
// two staff accounts, and a small browser-like client that keeps the session cookie and
// reads CSRF tokens.
import Fastify, { type FastifyInstance, type InjectOptions, type LightMyRequestResponse } from 'fastify';
import { adminInbox, type AdminInboxOptions } from '../../adapters/admin/plugin.ts';
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
  options: { targets?: string[]; secureCookies?: boolean; knowledgeErrors?: () => readonly string[]; knowledge?: AdminInboxOptions['knowledge'] } = {},
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
    ...(options.knowledge ? { knowledge: options.knowledge } : {}),
  });
  await app.ready();
  return { app, hotline, clock };
}

/** A staff member's browser: the session cookie it was given, and the CSRF token of the last page it loaded. */
export class Staff {
  cookie = '';
  csrf = '';

  constructor(
    private app: FastifyInstance,
    readonly ip = '10.0.0.1',
  ) {}

  /** The same browser (cookie and token) talking to another app instance. */
  on(app: FastifyInstance): Staff {
    const other = new Staff(app, this.ip);
    Object.assign(other, { cookie: this.cookie, csrf: this.csrf });
    return other;
  }

  async login(name: string, password: string): Promise<LightMyRequestResponse> {
    const response = await this.post('/admin/login', { name, password });
    const set = String(response.headers['set-cookie'] ?? '');
    if (set) this.cookie = set.split(';')[0]!;
    return response;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.send({ method: 'GET', url });
  }

  /** Posts a form as a browser does; `csrf` is added unless the form names its own. */
  async post(url: string, form: Record<string, string>): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams({ ...(this.csrf ? { csrf: this.csrf } : {}), ...form }).toString();
    return this.send({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** Opens the complaint page (for a fresh token) and submits one of its forms. */
  async act(code: string, form: Record<string, string>): Promise<LightMyRequestResponse> {
    await this.get(`/admin/complaints/${code}`);
    return this.post(`/admin/complaints/${code}/act`, form);
  }

  private async send(options: InjectOptions): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ ...options, remoteAddress: this.ip, headers: { ...options.headers, ...(this.cookie ? { cookie: this.cookie } : {}) } });
    const token = /name="csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrf = token;
    return response;
  }
}

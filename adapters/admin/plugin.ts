// The staff web inbox at /admin as a Fastify plugin: sign-in, the queue, one page per
// complaint with its actions, and exports. Server-rendered HTML with no script; every
// form posts, is checked against this browser's CSRF token, and redirects on success.
import { Readable } from 'node:stream';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyError, FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AdminUser } from '../../src/config.ts';
import { complaintsToCsv, complaintsToJson } from '../../src/complaints/export.ts';
import type { Hotline } from '../../src/complaints/hotline.ts';
import type { Store } from '../../src/store/store.ts';
import { registerAddressBudgets } from '../shared/address-budgets.ts';
import { ADMIN_HEADERS } from '../shared/security-headers.ts';
import { performAction } from './actions.ts';
import { detailPage } from './detail-page.ts';
import { parseFilter } from './filters.ts';
import { registerKnowledgeRoutes, type KnowledgeDesk } from './knowledge-routes.ts';
import { STYLESHEET, STYLESHEET_PATH } from './layout.ts';
import { messagePage, sendPage, type Pages } from './page-reply.ts';
import { createLoginChecker, FAILURE_WINDOW_MS, MAX_FAILED_LOGINS } from './login.ts';
import { listPage, PAGE_SIZE } from './list-page.ts';
import { loginPage } from './login-page.ts';
import { AdminSessions, COOKIE_NAME, type PageSession } from './sessions.ts';
import { ADMIN_TEXTS, DONE, type ActionType } from '../../src/texts/staff.ts';

export interface AdminInboxOptions {
  hotline: Hotline;
  store: Store;
  /** The accounts from ADMIN_USERS. */
  users: readonly AdminUser[];
  /** Cookies only over HTTPS: true when the server is reached through PUBLIC_URL. */
  secureCookies: boolean;
  /** The errors of a knowledge edit the bot refused (it answers from the last good version); none when all is well. */
  knowledgeErrors?: () => readonly string[];
  /** The knowledge pages: what is served (read at every request: a reload swaps it), its use, the questions, the files. */
  knowledge?: KnowledgeDesk;
  /** The staff members who may edit the knowledge (KNOWLEDGE_EDITORS); the others read it. */
  editors?: readonly string[];
}

const FORM_LIMIT_BYTES = 64 * 1024;
type Form = Record<string, string>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Served without a session: the sign-in page and the stylesheet. */
    public?: boolean;
  }
}

export const adminInbox: FastifyPluginAsync<AdminInboxOptions> = async (app, options) => {
  // The session cookie is read and written by Fastify's own cookie plugin (inside this plugin only).
  await app.register(fastifyCookie);
  // Forms arrive URL-encoded; only this plugin's routes read them. A field sent twice comes as an array and is refused as not a string.
  await app.register(fastifyFormbody, { bodyLimit: FORM_LIMIT_BYTES });
  // Every form carries a token tied to a secret in an HttpOnly cookie of this browser (double submit), the sign-in form too.
  await app.register(fastifyCsrf, { cookieOpts: { path: '/admin', sameSite: 'strict', httpOnly: true, secure: options.secureCookies }, getToken: (request) => (request.body as Form | undefined)?.csrf });
  await app.register(fastifyHelmet, ADMIN_HEADERS);
  app.addHook('onSend', async (_request, reply) => {
    // Pages carry citizens' personal data: no cache keeps them.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  const sessions = new AdminSessions(options.store, options.secureCookies);
  const pages = guardPages(app, sessions, new Set(options.editors ?? []));
  app.get(STYLESHEET_PATH, PUBLIC, (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(STYLESHEET));
  await registerSignIn(app, options, sessions);
  registerComplaintPages(app, options.hotline, pages, options.knowledgeErrors ?? (() => []));
  if (options.knowledge) registerKnowledgeRoutes(app, options.hotline, options.knowledge, pages);
  registerExports(app, options.hotline, pages);
};

const PUBLIC = { config: { public: true } };

/**
 * Lets only signed-in staff through (the public routes aside) and refuses forms without
 * this browser's token; returns who is signed in for each request let through.
 */
function guardPages(app: FastifyInstance, sessions: AdminSessions, editors: ReadonlySet<string>): Pages {
  // Who is signed in, per request, set by the hook below for every route that is not public.
  const signedIn = new WeakMap<FastifyRequest, PageSession>();

  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.config.public) return;
    const found = await sessions.find(request.cookies[COOKIE_NAME]);
    if (!found) {
      if (request.method === 'GET') return reply.redirect('/admin/login', 303);
      return sendPage(reply.code(401), loginPage({ kind: 'error', text: ADMIN_TEXTS.sessionExpired }, reply.generateCsrf()));
    }
    signedIn.set(request, { name: found.name, csrf: reply.generateCsrf(), editor: editors.has(found.name) });
  });
  app.addHook('preHandler', (request, reply, done) => (request.method === 'POST' ? app.csrfProtection(request, reply, done) : done()));

  app.setErrorHandler<FastifyError>((error, request, reply) => {
    // A form whose token is missing or not this browser's: most often a page left open past its session.
    if (error.code?.startsWith('FST_CSRF_')) {
      request.log.warn({ url: request.url }, 'admin: form refused (CSRF token missing or wrong)');
      const text = ADMIN_TEXTS.sessionExpired;
      const page = request.routeOptions.config.public ? loginPage({ kind: 'error', text }, reply.generateCsrf()) : messagePage(signedIn.get(request), text);
      return sendPage(reply.code(403), page);
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'admin: request failed');
    return sendPage(reply.code(status), messagePage(undefined, status >= 500 ? ADMIN_TEXTS.serverError : ADMIN_TEXTS.badRequest));
  });
  return { session: (request) => signedIn.get(request)! };
}

async function registerSignIn(app: FastifyInstance, { store, users }: AdminInboxOptions, sessions: AdminSessions): Promise<void> {
  const logins = await createLoginChecker(users);
  const budgets = await registerAddressBudgets(app, store);
  const signIns = budgets('admin-sign-in', MAX_FAILED_LOGINS, FAILURE_WINDOW_MS);

  app.get<{ Querystring: { out?: string } }>('/admin/login', PUBLIC, async (request, reply) => {
    if (await sessions.find(request.cookies[COOKIE_NAME])) return reply.redirect('/admin', 303);
    return sendPage(reply, loginPage(request.query.out ? { kind: 'ok', text: ADMIN_TEXTS.loggedOut } : undefined, reply.generateCsrf()));
  });

  app.post<{ Body: Form | undefined }>('/admin/login', PUBLIC, async (request, reply) => {
    const name = typeof request.body?.name === 'string' ? request.body.name.trim() : '';
    const password = typeof request.body?.password === 'string' ? request.body.password : '';
    const refused = (status: number, text: string) => sendPage(reply.code(status), loginPage({ kind: 'error', text }, reply.generateCsrf(), name));
    if (!name || !password) return refused(400, ADMIN_TEXTS.loginIncomplete);
    // Counted before the slow check, atomically: tries sent all at once are counted all at once.
    if (!(await signIns.take(request))) {
      request.log.warn({ ip: request.ip }, 'admin: sign-in refused (too many tries)');
      return refused(429, ADMIN_TEXTS.loginTooMany);
    }
    const signed = await logins.check(name, password);
    if (!signed) {
      request.log.warn({ ip: request.ip }, 'admin: sign-in refused (wrong name or password)');
      return refused(401, ADMIN_TEXTS.loginWrong);
    }
    // A right password within the limit clears the address's count.
    await signIns.clear(request);
    request.log.info({ user: signed }, 'admin: signed in');
    const cookie = await sessions.open(signed);
    return reply.setCookie(cookie.name, cookie.value, cookie.options).redirect('/admin', 303);
  });

  app.post('/admin/logout', async (request, reply) => {
    const cookie = await sessions.close(request.cookies[COOKIE_NAME]);
    return reply.setCookie(cookie.name, cookie.value, cookie.options).redirect('/admin/login?out=1', 303);
  });
}

function registerComplaintPages(app: FastifyInstance, hotline: Hotline, { session }: Pages, knowledgeErrors: () => readonly string[]): void {
  app.get<{ Querystring: { filter?: string; page?: string } }>('/admin', async (request, reply) => {
    const filter = parseFilter(request.query.filter);
    const today = hotline.today();
    const page = parsePage(request.query.page);
    const [shown, counts] = await Promise.all([
      hotline.complaints.page({ filter, today, page, size: PAGE_SIZE }),
      hotline.complaints.counts(today),
    ]);
    return sendPage(reply, listPage(session(request), { filter, page, shown, counts, today, knowledgeErrors: knowledgeErrors() }));
  });

  app.get<{ Params: { code: string }; Querystring: { ok?: string } }>('/admin/complaints/:code', async (request, reply) => {
    const complaint = await hotline.complaints.get(request.params.code);
    if (!complaint) return sendPage(reply.code(404), messagePage(session(request), ADMIN_TEXTS.notFound));
    const { ok } = request.query;
    const notice = ok && Object.hasOwn(DONE, ok) ? { kind: 'ok' as const, text: DONE[ok as ActionType] } : undefined;
    return sendPage(reply, detailPage({ session: session(request), complaint, today: hotline.today(), notice }));
  });

  app.post<{ Params: { code: string }; Body: Form }>('/admin/complaints/:code/act', async (request, reply) => {
    const { code } = request.params;
    if (!(await hotline.complaints.get(code))) return sendPage(reply.code(404), messagePage(session(request), ADMIN_TEXTS.notFound));
    const by = session(request).name;
    const outcome = await performAction(hotline, code, by, request.body);
    if (outcome.ok) {
      request.log.info({ user: by, code, action: outcome.action }, 'admin: action');
      return reply.redirect(`/admin/complaints/${encodeURIComponent(code)}?ok=${outcome.action}`, 303);
    }
    // Shown at once, not redirected, so that what was typed is still in the form.
    const complaint = (await hotline.complaints.get(code))!;
    const notice = { kind: 'error' as const, text: outcome.message };
    return sendPage(reply.code(outcome.status), detailPage({ session: session(request), complaint, today: hotline.today(), notice, typed: outcome.typed }));
  });
}

function registerExports(app: FastifyInstance, hotline: Hotline, { session }: Pages): void {
  for (const format of ['csv', 'json'] as const) {
    app.get<{ Querystring: { filter?: string } }>(`/admin/export.${format}`, async (request, reply) => {
      const filter = parseFilter(request.query.filter);
      const today = hotline.today();
      const chosen = hotline.complaints.each(filter, today);
      request.log.info({ user: session(request).name, format, filter }, 'admin: export');
      const name = `phan-anh-${filter === 'all' ? '' : `${filter}-`}${today}.${format}`;
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(Readable.from(format === 'csv' ? complaintsToCsv(chosen) : complaintsToJson(chosen)));
    });
  }
}

/** The page a query string names; anything else is the first. */
function parsePage(value: string | undefined): number {
  const page = Number(value);
  return Number.isSafeInteger(page) && page >= 1 ? page : 1;
}


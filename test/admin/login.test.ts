// Signing in to the staff inbox: passwords, the failed-login cap, sessions in the store
// (shared by two app instances on one SQLite file), signing out, and CSRF checks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TEXTS } from '../../src/texts/staff.ts';
import { MAX_FAILED_LOGINS } from '../../adapters/admin/login.ts';
import { escapeHtml } from '../../adapters/shared/escape-html.ts';
import { sqliteBackend, type Backend } from '../store/backends.ts';
import { sqliteDatabase, type DatabaseBackend } from '../store/databases.ts';
import { inboxApp, PASSWORDS, Staff, type InboxApp } from './inbox-app.ts';

let backend: Backend;
let records: DatabaseBackend;
let inbox: InboxApp;

beforeEach(async () => {
  backend = sqliteBackend();
  records = sqliteDatabase();
  inbox = await inboxApp(await backend.open(), await records.open());
});

afterEach(async () => {
  await inbox.app.close();
  await backend.cleanup();
  await records.cleanup();
});

const shows = (body: string, text: string) => expect(body).toContain(escapeHtml(text));

describe('signing in', () => {
  it('lets a staff member in with the right password, in a strict, HttpOnly cookie for /admin', async () => {
    const staff = new Staff(inbox.app);
    expect((await staff.get('/admin')).headers.location).toBe('/admin/login');
    const login = await staff.login('lan', PASSWORDS.lan);
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe('/admin');
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/^motcua_admin=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/admin');
    expect(cookie).not.toContain('Secure');
    const list = await staff.get('/admin');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<span class="who">lan</span>');
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.headers['content-security-policy']).toBe(
      "default-src 'none';base-uri 'none';style-src 'self';img-src 'self' data:;form-action 'self';frame-ancestors 'none'",
    );
    expect(list.headers['x-frame-options']).toBe('DENY');
    expect(list.headers['referrer-policy']).toBe('no-referrer');
    expect(list.headers['x-content-type-options']).toBe('nosniff');
  });

  it('marks the cookie Secure when the server is reached over HTTPS (PUBLIC_URL)', async () => {
    const secure = await inboxApp(await backend.open(), await records.open(), { secureCookies: true });
    const login = await new Staff(secure.app).login('lan', PASSWORDS.lan);
    expect(String(login.headers['set-cookie'])).toContain('; Secure');
    await secure.app.close();
  });

  it.each([
    ['a wrong password', 'lan', 'sai-mat-khau'],
    ['another staff member’s password', 'lan', PASSWORDS.minh],
    ['an unknown name', 'nobody', PASSWORDS.lan],
  ])('refuses %s with one message that does not tell which was wrong', async (_case, name, password) => {
    const staff = new Staff(inbox.app);
    const response = await staff.login(name, password);
    expect(response.statusCode).toBe(401);
    expect(response.headers['set-cookie']).toBeUndefined();
    shows(response.body, ADMIN_TEXTS.loginWrong);
    expect(response.body).toContain(`value="${name}"`); // the name stays typed in
    expect((await staff.get('/admin')).statusCode).toBe(303);
  });

  it('refuses a sign-in form that does not carry the page’s token (posted from another site), and shows the form again', async () => {
    const staff = new Staff(inbox.app);
    await staff.get('/admin/login');
    staff.csrf = 'x'.repeat(32);
    const response = await staff.post('/admin/login', { name: 'lan', password: PASSWORDS.lan });
    expect(response.statusCode).toBe(403);
    shows(response.body, ADMIN_TEXTS.sessionExpired);
    expect(response.body).toMatch(/name="csrf" value="[^"]{20,}"/);
    expect(staff.session).toBeUndefined();
    // The form shown again carries a good token: the next try gets in.
    expect((await staff.post('/admin/login', { name: 'lan', password: PASSWORDS.lan })).statusCode).toBe(303);
  });

  it('asks for both fields when one is empty', async () => {
    const response = await new Staff(inbox.app).login('lan', '');
    expect(response.statusCode).toBe(400);
    shows(response.body, ADMIN_TEXTS.loginIncomplete);
  });

  it(`stops an address after ${MAX_FAILED_LOGINS} failed attempts, even with the right password; other addresses still get in`, async () => {
    const attacker = new Staff(inbox.app, '203.0.113.9');
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) expect((await attacker.login('lan', `doan-${i}`)).statusCode).toBe(401);
    const blocked = await attacker.login('lan', PASSWORDS.lan);
    expect(blocked.statusCode).toBe(429);
    shows(blocked.body, ADMIN_TEXTS.loginTooMany);
    expect(blocked.headers['set-cookie']).toBeUndefined();
    expect((await new Staff(inbox.app, '10.0.0.2').login('lan', PASSWORDS.lan)).statusCode).toBe(303);
  });

  it('counts tries sent all at once: of 40 parallel guesses only the first ones are checked, and the right password after them is refused', async () => {
    const attacker = new Staff(inbox.app, '203.0.113.77');
    await attacker.get('/admin/login');
    const guesses = await Promise.all(Array.from({ length: 40 }, (_, i) => attacker.post('/admin/login', { name: 'lan', password: `doan-song-song-${i}` })));
    const statuses = guesses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILED_LOGINS);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - MAX_FAILED_LOGINS);
    expect((await attacker.login('lan', PASSWORDS.lan)).statusCode).toBe(429);
  });

  it('clears an address’s count when the right password comes within the limit', async () => {
    const staff = new Staff(inbox.app, '10.0.0.77');
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) expect((await staff.login('lan', `go-nham-${i}`)).statusCode).toBe(401);
    expect((await staff.login('lan', PASSWORDS.lan)).statusCode).toBe(303);
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) expect((await staff.login('lan', `go-nham-lai-${i}`)).statusCode).toBe(401);
    expect((await staff.login('lan', PASSWORDS.lan)).statusCode).toBe(303);
  });

  it('signs out: the cookie is cleared and the old session no longer works', async () => {
    const staff = new Staff(inbox.app);
    await staff.login('lan', PASSWORDS.lan);
    await staff.get('/admin');
    const oldSession = staff.session!;
    const logout = await staff.post('/admin/logout', {});
    expect(logout.statusCode).toBe(303);
    expect(logout.headers.location).toBe('/admin/login?out=1');
    const cleared = String(logout.headers['set-cookie']);
    expect(cleared).toMatch(/^motcua_admin=;/);
    expect(cleared).toContain('Max-Age=0');
    expect(cleared).toContain('Path=/admin');
    shows((await staff.get('/admin/login?out=1')).body, ADMIN_TEXTS.loggedOut);
    staff.cookies.set('motcua_admin', oldSession);
    expect((await staff.get('/admin')).headers.location).toBe('/admin/login');
  });

  it('keeps sessions in the store: a session opened on one instance works on another', async () => {
    const other = await inboxApp(await backend.open(), await records.open());
    const staff = new Staff(inbox.app);
    await staff.login('minh', PASSWORDS.minh);
    const there = staff.on(other.app);
    const list = await there.get('/admin');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<span class="who">minh</span>');
    // Signing out on the second instance ends it on the first too.
    await there.post('/admin/logout', {});
    expect((await staff.get('/admin')).statusCode).toBe(303);
    await other.app.close();
  });
});

describe('CSRF', () => {
  it.each([
    ['no token', {}],
    ['a wrong token', { csrf: 'x'.repeat(32) }],
  ])('refuses a form with %s and changes nothing', async (_case, token) => {
    const complaint = await inbox.hotline.submit({ channel: 'web', chatId: 'w1' }, { text: 'Phản ánh thử' });
    const staff = new Staff(inbox.app);
    await staff.login('lan', PASSWORDS.lan);
    await staff.get(`/admin/complaints/${complaint.code}`);
    staff.csrf = '';
    const response = await staff.post(`/admin/complaints/${complaint.code}/act`, { action: 'claim', ...token });
    expect(response.statusCode).toBe(403);
    shows(response.body, ADMIN_TEXTS.sessionExpired);
    expect(await inbox.hotline.complaints.get(complaint.code)).toEqual(complaint);
    // Signing out needs the token too (another site must not sign staff out).
    staff.csrf = '';
    expect((await staff.post('/admin/logout', token)).statusCode).toBe(403);
  });

  it('gives each session its own token', async () => {
    const lan = new Staff(inbox.app);
    const minh = new Staff(inbox.app);
    await lan.login('lan', PASSWORDS.lan);
    await minh.login('minh', PASSWORDS.minh);
    await lan.get('/admin');
    await minh.get('/admin');
    expect(lan.csrf).not.toBe(minh.csrf);
    minh.csrf = lan.csrf;
    expect((await minh.post('/admin/logout', {})).statusCode).toBe(403);
  });

  it('asks to sign in again when a form arrives without a session', async () => {
    const response = await new Staff(inbox.app).post('/admin/logout', {});
    expect(response.statusCode).toBe(401);
    shows(response.body, ADMIN_TEXTS.sessionExpired);
  });
});

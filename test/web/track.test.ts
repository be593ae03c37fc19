// The web's side of "tra cứu": the /tra-cuu page (rendered on the server) and
// GET /api/complaints/:code, over a real desk on SQLite with a clock the test sets;
// lookups limited per client address; the chat page links to it.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAddressLimits } from '../../adapters/web/address-limits.ts';
import { webChat } from '../../adapters/web/plugin.ts';
import { COMPLAINT_TEXTS, TRACK_TEXTS } from '../../src/texts/citizens.ts';
import type { Hotline } from '../../src/complaints/hotline.ts';
import type { Store } from '../../src/store/store.ts';
import { MONDAY_9AM, newDesk, type Clock } from '../complaints/desk.ts';
import { sqliteBackend } from '../store/backends.ts';
import { sqliteDatabase } from '../store/databases.ts';

const backend = sqliteBackend();
const records = sqliteDatabase();
const clock: Clock = { now: MONDAY_9AM };
const STAFF = 'Trần Văn Cán Bộ';
const PHONE = '0912345678';
const ANSWER = 'Đã sửa đèn <ngõ 5> & thay bóng mới.';
let store: Store;
let hotline: Hotline;
let app: FastifyInstance;
let answered: string;

async function trackingApp(perMinute?: number): Promise<FastifyInstance> {
  const instance = Fastify();
  await instance.register(webChat, { converse: async () => [], tracking: { desk: hotline }, limits: createAddressLimits(store, perMinute ? { lookupsPerMinute: perMinute } : {}) });
  await instance.ready();
  return instance;
}

beforeAll(async () => {
  store = await backend.open();
  hotline = newDesk(await records.open(), { clock, dueWorkingDays: 10 });
  const complaint = await hotline.submit({ channel: 'web', chatId: 'session-0001' }, { text: 'Đèn đường hỏng', phone: PHONE, consentAt: clock.now });
  await hotline.act(complaint.code, { type: 'answer', by: STAFF, text: ANSWER });
  answered = complaint.code;
  app = await trackingApp();
});

afterAll(async () => {
  await app?.close();
  await backend.cleanup();
  await records.cleanup();
});

/** Another code with one character changed: the check character catches it. */
const mistyped = () => answered.slice(0, -1) + (answered.endsWith('3') ? '4' : '3');
const UNKNOWN = 'PA-7KQ3-Q9';

describe('the page /tra-cuu', () => {
  it('without a code: the form, in Vietnamese, labelled, behind a strict policy', async () => {
    const response = await app.inject({ method: 'GET', url: '/tra-cuu' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.body).toContain('<html lang="vi">');
    expect(response.body).toContain(`<label for="ma">${TRACK_TEXTS.codeLabel}</label>`);
    expect(response.body).toContain('name="viewport"');
    expect(response.body).not.toContain('id="result"');
  });

  it('a code as a citizen types it: dates, status and the answer, escaped; no phone, no staff name', async () => {
    const typed = answered.toLowerCase().replace(/-/g, ' ');
    const response = await app.inject({ method: 'GET', url: `/tra-cuu?ma=${encodeURIComponent(typed)}` });
    expect(response.statusCode).toBe(200);
    const { body } = response;
    for (const shown of [`Phản ánh ${answered}`, '<dt>Ngày tiếp nhận</dt><dd>02/03/2026</dd>', '<dt>Hạn trả lời</dt><dd>16/03/2026</dd>', '<dd>đã trả lời</dd>']) {
      expect(body).toContain(shown);
    }
    expect(body).toContain('Đã sửa đèn &lt;ngõ 5&gt; &amp; thay bóng mới.');
    expect(body).toContain(`value="${typed}"`);
    expect(body).not.toContain(PHONE);
    expect(body).not.toContain(STAFF);
  });

  it.each([
    ['a mistyped code', () => mistyped(), 400, () => COMPLAINT_TEXTS.mistypedCode(mistyped())],
    ['an unknown code', () => UNKNOWN, 404, () => COMPLAINT_TEXTS.unknownCode(UNKNOWN)],
    ['not a code at all', () => '<b>xin chào</b>', 400, () => COMPLAINT_TEXTS.mistypedCode('<b>xin chào</b>')],
  ])('%s: says which, kindly', async (_case, code, status, message) => {
    const response = await app.inject({ method: 'GET', url: `/tra-cuu?ma=${encodeURIComponent(code())}` });
    expect(response.statusCode).toBe(status);
    const escaped = message().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    expect(response.body).toContain(`role="alert">${escaped}</p>`);
  });

  it('links assets that are served', async () => {
    const body = (await app.inject({ method: 'GET', url: '/tra-cuu' })).body;
    const assets = [...body.matchAll(/(?:href|src)="(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.map((a) => a.split('/').at(-1))).toEqual(expect.arrayContaining(['chat.css', 'track.css', 'track.js', 'icon.svg']));
    for (const asset of [...assets, assets.find((a) => a.endsWith('track.js'))!.replace('track.js', 'complaints.js')]) {
      expect((await app.inject({ method: 'GET', url: `/${asset}` })).statusCode, asset).toBe(200);
    }
  });

  it('is linked from the chat page', async () => {
    expect((await app.inject({ method: 'GET', url: '/' })).body).toContain('href="tra-cuu"');
  });
});

describe('GET /api/complaints/:code', () => {
  it('the citizen view as JSON; no phone, address, text or staff name', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/complaints/${answered.toLowerCase()}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({
      complaint: { code: answered, status: 'answered', statusText: 'đã trả lời', receivedOn: '02/03/2026', dueOn: '16/03/2026', answer: ANSWER, overdue: false, erased: false },
    });
  });

  it('overdue once the clock is past the due date and no answer came', async () => {
    const open = await hotline.submit({ channel: 'zalo', chatId: 'z1' }, { text: 'Cống tắc' });
    clock.now = MONDAY_9AM + 15 * 24 * 3600_000;
    try {
      expect((await app.inject({ method: 'GET', url: `/api/complaints/${open.code}` })).json().complaint).toMatchObject({ status: 'received', overdue: true });
    } finally {
      clock.now = MONDAY_9AM;
    }
  });

  it('erased: the status only', async () => {
    const erased = await hotline.submit({ channel: 'zalo', chatId: 'z2' }, { text: 'Cống tắc' });
    await hotline.erase(erased.code, STAFF);
    expect((await app.inject({ method: 'GET', url: `/api/complaints/${erased.code}` })).json()).toEqual({
      complaint: { code: erased.code, status: 'received', statusText: 'đã tiếp nhận', overdue: false, erased: true },
    });
  });

  it.each([
    ['mistyped', () => mistyped(), 400, () => COMPLAINT_TEXTS.mistypedCode(mistyped())],
    ['unknown', () => UNKNOWN, 404, () => COMPLAINT_TEXTS.unknownCode(UNKNOWN)],
  ])('%s: %s with a Vietnamese error', async (_case, code, status, error) => {
    const response = await app.inject({ method: 'GET', url: `/api/complaints/${code()}` });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({ error: error() });
  });
});

describe('lookups per client address', () => {
  it('past the limit a minute: 429 with a Vietnamese message, on the page and the API; other addresses go on', async () => {
    const limited = await trackingApp(2);
    try {
      const from = (remoteAddress: string, url: string) => limited.inject({ method: 'GET', url, remoteAddress });
      expect((await from('10.0.0.1', `/api/complaints/${answered}`)).statusCode).toBe(200);
      expect((await from('10.0.0.1', `/tra-cuu?ma=${answered}`)).statusCode).toBe(200);
      const api = await from('10.0.0.1', `/api/complaints/${answered}`);
      expect(api.statusCode).toBe(429);
      expect(api.headers['retry-after']).toBe('60');
      expect(api.json()).toEqual({ error: TRACK_TEXTS.tooMany });
      const page = await from('10.0.0.1', `/tra-cuu?ma=${answered}`);
      expect(page.statusCode).toBe(429);
      expect(page.body).toContain(TRACK_TEXTS.tooMany);
      // The form alone is no lookup, and another address has its own count.
      expect((await from('10.0.0.1', '/tra-cuu')).statusCode).toBe(200);
      expect((await from('10.0.0.2', `/api/complaints/${answered}`)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('one budget however it is reached', () => {
  it('is shared by two app instances on one store, and by the addresses of one IPv6 /64', async () => {
    const [first, second] = [await trackingApp(2), await trackingApp(2)];
    try {
      const lookup = (instance: FastifyInstance, remoteAddress: string) => instance.inject({ method: 'GET', url: `/api/complaints/${answered}`, remoteAddress });
      expect((await lookup(first, '2001:db8:7:1::a')).statusCode).toBe(200);
      expect((await lookup(second, '2001:db8:7:1::b')).statusCode).toBe(200);
      expect((await lookup(first, '2001:db8:7:1:ffff::c')).statusCode).toBe(429);
      expect((await lookup(second, '2001:db8:7:2::a')).statusCode).toBe(200);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});

describe('limits per client address, whatever the session', () => {
  const chatFrom = (instance: FastifyInstance, ip: string, text: string, i: number) =>
    instance.inject({ method: 'POST', url: '/api/chat', remoteAddress: ip, payload: { session: `phien-moi-${ip.replaceAll(".", "_")}-${i}`, text } });

  it('counts "tra cứu <mã>" in the chat and /tra-cuu against one budget per address', async () => {
    const limited = await trackingApp(4);
    try {
      const ip = '198.51.100.20';
      expect((await limited.inject({ method: 'GET', url: `/tra-cuu?ma=${UNKNOWN}`, remoteAddress: ip })).statusCode).toBe(404);
      for (let i = 0; i < 3; i++) expect((await chatFrom(limited, ip, `tra cứu ${UNKNOWN}`, i)).statusCode).toBe(200);
      const refused = await chatFrom(limited, ip, `tra cứu ${UNKNOWN}`, 9);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error).toMatch(/nhanh quá/);
      expect((await limited.inject({ method: 'GET', url: `/tra-cuu?ma=${UNKNOWN}`, remoteAddress: ip })).statusCode).toBe(429);
      // A question that is no lookup still goes through, and another address is not held back.
      expect((await chatFrom(limited, ip, 'làm căn cước ở đâu', 10)).statusCode).toBe(200);
      expect((await chatFrom(limited, '198.51.100.21', `tra cứu ${UNKNOWN}`, 1)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('refuses an address past 60 chat messages a minute, though each came in a new session', async () => {
    const ip = '198.51.100.30';
    for (let i = 0; i < 60; i++) expect((await chatFrom(app, ip, 'xin chào', i)).statusCode).toBe(200);
    const refused = await chatFrom(app, ip, 'xin chào', 61);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect((await chatFrom(app, '198.51.100.31', 'xin chào', 1)).statusCode).toBe(200);
  });
});

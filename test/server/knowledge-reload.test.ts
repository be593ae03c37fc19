// Staff edit the knowledge while the server runs: the edit is answered within seconds,
// no question fails while the new version is built, and an edit with an error leaves the
// last good version serving.
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../src/main.ts';
import { PUBLIC_URL, TELEGRAM_SECRET, testConfig } from './running-server.ts';
import { ADMIN_TEXTS, STAFF_GROUP_TEXTS } from '../../src/texts/staff.ts';
import { hashPassword } from '../../src/complaints/password.ts';
import { PASSWORDS, Staff } from '../admin/inbox-app.ts';
import { startFakeBotApi } from '../fakes/telegram-bot-api.ts';
import { redisBackend } from '../store/backends.ts';
import { databaseMakers, postgresDatabase, type DatabaseBackend } from '../store/databases.ts';

let session = 0;
let server: RunningServer;

/** The first line of the bot's answer (an entry's title) to a fresh chat. */
async function firstLine(text: string): Promise<{ status: number; line: string }> {
  const response = await fetch(`${server.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ session: `reload-${++session}-session`, text }),
  });
  const body = (await response.json()) as { replies?: { text: string }[] };
  return { status: response.status, line: body.replies?.[0]?.text.split('\n')[0] ?? '' };
}

const DEATH = 'knowledge/procedures/dang-ky-khai-tu.md';
const WITHIN = { timeout: 8_000, interval: 100 };

// The records (edit history, questions) on each database the server can use.
describe.each(databaseMakers)('knowledge edited while the server runs, records on %s', (_name, make) => {
  let dir: string;
  let knowledge: string;
  let records: DatabaseBackend;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-reload-'));
    knowledge = join(dir, 'knowledge');
    records = make();
    for (const part of ['procedures', 'faq', 'lexicon.yaml', 'locality.yaml']) await cp(join('knowledge', part), join(knowledge, part), { recursive: true });
    const staff = { ADMIN_USERS: `lan:${await hashPassword(PASSWORDS.lan)}`, KNOWLEDGE_EDITORS: 'lan' };
    server = await startServer(testConfig({ KNOWLEDGE_DIRS: knowledge, KNOWLEDGE_RELOAD: 'on', STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`, DATABASE_URL: records.url, ...staff }));
  });

  afterAll(async () => {
    await server?.close();
    await records?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers a changed title within seconds, and every question asked meanwhile is answered', async () => {
    expect(await firstLine('đăng ký khai tử')).toEqual({ status: 200, line: 'Thủ tục đăng ký khai tử' });
    const file = join(dir, DEATH);
    const original = await readFile(file, 'utf8');
    // Questions stream in while the file changes and the index is rebuilt.
    let streaming = true;
    const statuses: number[] = [];
    const stream = (async () => {
      while (streaming) statuses.push((await firstLine('đăng ký khai tử cần gì')).status);
    })();
    const written = Date.now();
    await writeFile(file, original.replace('title: Thủ tục đăng ký khai tử', 'title: Thủ tục đăng ký khai tử (bản mới)'));
    await vi.waitFor(async () => expect((await firstLine('đăng ký khai tử')).line).toBe('Thủ tục đăng ký khai tử (bản mới)'), WITHIN);
    expect(Date.now() - written).toBeLessThan(5_000);
    streaming = false;
    await stream;
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((status) => status === 200)).toBe(true);
  });

  it('keeps the last good version serving when an edit has an error', async () => {
    const file = join(dir, DEATH);
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace(/^kind: procedure$/m, 'kind: thu-tuc-la'));
    // Longer than a reload takes: the broken edit has been read and refused by then.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await firstLine('đăng ký khai tử')).line).toBe('Thủ tục đăng ký khai tử (bản mới)');
    // Staff see why on the inbox page, with the file named.
    const staff = new Staff(server.app);
    await staff.login('lan', PASSWORDS.lan);
    const page = (await staff.get('/admin')).body;
    expect(page).toContain(ADMIN_TEXTS.knowledgeRefused);
    expect(page).toContain('dang-ky-khai-tu.md');
    // Fixed again, it is taken, and the warning goes.
    await writeFile(file, good.replace('(bản mới)', '(đã sửa lại)'));
    await vi.waitFor(async () => expect((await firstLine('đăng ký khai tử')).line).toBe('Thủ tục đăng ký khai tử (đã sửa lại)'), WITHIN);
    expect((await staff.get('/admin')).body).not.toContain(ADMIN_TEXTS.knowledgeRefused);
  });

  it('answers from a file added, and no longer from a file deleted', async () => {
    const added = join(knowledge, 'faq', 'gui-xe-dap-tai-uy-ban.md');
    const faq = await readFile(join(knowledge, 'faq', 'buu-chinh-cong-ich.md'), 'utf8');
    const title = 'Có chỗ gửi xe đạp điện ở trụ sở ủy ban không?';
    const copy = faq
      .replace(/^id: .*$/m, 'id: gui-xe-dap-tai-uy-ban')
      .replace(/^title: .*$/m, `title: ${title}`)
      .replace(/^aliases:\n(  - .*\n)+/m, 'aliases:\n  - gửi xe đạp điện ở ủy ban\n')
      .replace(/^questions:\n(  - .*\n)+/m, 'questions:\n  - Đến ủy ban thì gửi xe đạp điện ở đâu?\n');
    await writeFile(added, copy);
    await vi.waitFor(async () => expect((await firstLine('gửi xe đạp điện ở ủy ban')).line).toBe(title), WITHIN);
    await unlink(added);
    await vi.waitFor(async () => expect((await firstLine('gửi xe đạp điện ở ủy ban')).line).not.toBe(title), WITHIN);
  });

  it('serves an edit made in the /admin form within seconds, and an unanswered question staff attach to an entry', async () => {
    const staff = new Staff(server.app);
    await staff.login('lan', PASSWORDS.lan);
    const form = await staff.get('/admin/tri-thuc/dang-ky-khai-tu/sua');
    const field = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(form.body)?.[1] ?? '';
    const area = (name: string) => new RegExp(`name="${name}"[^>]*>([^<]*)</textarea>`).exec(form.body)?.[1] ?? '';
    const values = Object.fromEntries([...form.body.matchAll(/name="([a-z_.]+)"/g)].map(([, name]) => [name!, field(name!) || area(name!)]));
    const written = Date.now();
    const saved = await staff.post('/admin/tri-thuc/dang-ky-khai-tu/sua', { ...values, title: 'Thủ tục đăng ký khai tử (sửa trên web)', version: field('version') });
    expect(saved.statusCode).toBe(303);
    await vi.waitFor(async () => expect((await firstLine('đăng ký khai tử')).line).toBe('Thủ tục đăng ký khai tử (sửa trên web)'), WITHIN);
    expect(Date.now() - written).toBeLessThan(5_000);

    // A question nobody could answer reaches the staff page, and once attached it is answered.
    const question = 'cụ nhà em tạ thế, làm giấy gì';
    expect((await firstLine(question)).line).not.toContain('khai tử');
    await firstLine('giá vàng hôm nay');
    const page = await vi.waitFor(async () => {
      const shown = await staff.get('/admin/cau-hoi');
      expect(shown.body).toContain(question);
      return shown;
    }, WITHIN);
    const section = page.body.split('<section').find((part) => part.includes(question))!;
    const group = /name="group" value="([^"]+)"/.exec(section)![1]!;
    const attached = await staff.post('/admin/cau-hoi/gan', { group, entry: 'dang-ky-khai-tu', as: 'questions', text: question });
    expect(attached.statusCode).toBe(200);
    await vi.waitFor(async () => expect((await firstLine(question)).line).toBe('Thủ tục đăng ký khai tử (sửa trên web)'), WITHIN);
  });
});

describe('two instances on one Redis and one PostgreSQL, over one knowledge folder', () => {
  it('each takes a good edit on its own; a refused one is told once to the staff group by the instance that has the group', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-reload-two-'));
    const knowledge = join(dir, 'knowledge');
    for (const part of ['procedures', 'faq', 'lexicon.yaml', 'locality.yaml']) await cp(join('knowledge', part), join(knowledge, part), { recursive: true });
    const store = redisBackend();
    const records = postgresDatabase();
    const telegram = await startFakeBotApi();
    const group = '-1001234567890';
    const shared = { KNOWLEDGE_DIRS: knowledge, KNOWLEDGE_RELOAD: 'on', STORE_URL: store.url, STORE_PREFIX: store.prefix, DATABASE_URL: records.url };
    const staffed = { PUBLIC_URL, TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET, TELEGRAM_API_ROOT: telegram.apiRoot, HOTLINE_TELEGRAM_CHAT_ID: group };
    const servers = [await startServer(testConfig({ ...shared, ...staffed })), await startServer(testConfig(shared))];
    const titleOn = async (one: RunningServer) => {
      const response = await fetch(`${one.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ session: `two-${++session}-session`, text: 'đăng ký khai tử' }) });
      return ((await response.json()) as { replies: { text: string }[] }).replies[0]!.text.split('\n')[0];
    };
    try {
      const file = join(knowledge, 'procedures', 'dang-ky-khai-tu.md');
      const good = await readFile(file, 'utf8');
      await writeFile(file, good.replace('title: Thủ tục đăng ký khai tử', 'title: Thủ tục đăng ký khai tử (hai máy)'));
      for (const one of servers) await vi.waitFor(async () => expect(await titleOn(one)).toBe('Thủ tục đăng ký khai tử (hai máy)'), WITHIN);

      await writeFile(file, good.replace(/^kind: procedure$/m, 'kind: thu-tuc-la'));
      const told = () => telegram.callsTo('sendMessage').filter((call) => call.chat_id === group && String(call.text).includes(STAFF_GROUP_TEXTS.knowledgeRefused));
      await vi.waitFor(() => expect(told()).toHaveLength(1), WITHIN);
      expect(String(told()[0]!.text)).toContain('dang-ky-khai-tu.md');
      for (const one of servers) expect(await titleOn(one)).toBe('Thủ tục đăng ký khai tử (hai máy)');
    } finally {
      for (const one of servers) await one.close();
      await telegram.close();
      await store.cleanup();
      await records.cleanup();
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

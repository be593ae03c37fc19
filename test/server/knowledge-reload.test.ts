// Staff edit the knowledge while the server runs: the edit is answered within seconds,
// no question fails while the new version is built, and an edit with an error leaves the
// last good version serving.
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../src/main.ts';
import { testConfig } from './running-server.ts';
import { ADMIN_TEXTS } from '../../src/texts/staff.ts';
import { hashPassword } from '../../src/complaints/password.ts';
import { PASSWORDS, Staff } from '../admin/inbox-app.ts';

let dir: string;
let knowledge: string;
let server: RunningServer;
let session = 0;

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

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-reload-'));
  knowledge = join(dir, 'knowledge');
  for (const part of ['procedures', 'faq', 'lexicon.yaml', 'locality.yaml']) await cp(join('knowledge', part), join(knowledge, part), { recursive: true });
  server = await startServer(testConfig({ KNOWLEDGE_DIRS: knowledge, KNOWLEDGE_RELOAD: 'on', ADMIN_USERS: `lan:${await hashPassword(PASSWORDS.lan)}` }));
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('knowledge edited while the server runs', () => {
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
});

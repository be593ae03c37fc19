// The whole server over real HTTP: a message comes in by web chat, Telegram or Zalo
// (webhook and polling), and the answer reaches the fake platform API.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../src/main.ts';
import { textUpdate } from '../adapters/telegram/updates.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/telegram-bot-api.ts';
import { FakeZaloBotApi } from '../fakes/zalo-bot-api.ts';
import { post, postTelegram, postZalo, PUBLIC_URL, TELEGRAM_SECRET, testConfig, ZALO_SECRET, zaloText } from './running-server.ts';

const QUESTION = 'cấp hộ chiếu phổ thông';
const WAIT = { timeout: 10_000, interval: 20 };

let dir: string;
let running: RunningServer | undefined;
/** Fake platform APIs to close once the server is. */
let fakes: { close(): Promise<void> }[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-app-'));
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  await Promise.all(fakes.map((fake) => fake.close()));
  fakes = [];
  await rm(dir, { recursive: true, force: true });
});

function closeAfterTest<T extends { close(): Promise<void> }>(fake: T): T {
  fakes.push(fake);
  return fake;
}

async function start(env: Record<string, string> = {}): Promise<RunningServer> {
  running = await startServer(testConfig({ STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`, ...env }));
  return running;
}

describe('with no channel configured', () => {
  it('serves the web chat, the probes and JSON 404s', async () => {
    const { url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const chat = await post(`${url}/api/chat`, {}, { session: 'session-0001', text: QUESTION });
    expect(chat.status).toBe(200);
    const { replies } = (await chat.json()) as { replies: { text: string }[] };
    expect(replies[0]!.text).toMatch(/hộ chiếu/i);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const missing = await fetch(`${url}/telegram/webhook`, { method: 'POST' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'not_found', message: 'Không tìm thấy trang anh/chị yêu cầu.' });
  });
});

describe('with the national set on', () => {
  it('answers a procedure only the national portal has, saying so; off, the same message is not answered with it', async () => {
    // Khai thác nước dưới đất (1.001662) is not a curated entry: only the national set knows it.
    const message = { session: 'session-0002', text: '1.001662 cần giấy tờ gì' };
    const on = await start({ NATIONAL_SET: 'on' });
    const answered = (await (await post(`${on.url}/api/chat`, {}, message)).json()) as { replies: { text: string }[] };
    expect(answered.replies[0]!.text).toMatch(/^.*\nMã thủ tục: 1\.001662\n\nThông tin dưới đây lấy từ Cổng Dịch vụ công quốc gia/);
    expect(answered.replies[0]!.text).toContain('Hồ sơ cần chuẩn bị:');
    await on.close();

    const off = await start({ NATIONAL_SET: 'off' });
    const not = (await (await post(`${off.url}/api/chat`, {}, message)).json()) as { replies: { text: string }[] };
    expect(not.replies.map((r) => r.text).join('\n')).not.toContain('1.001662');
  });
});

describe('Telegram', () => {
  let telegram: FakeBotApi;
  beforeEach(async () => {
    telegram = closeAfterTest(await startFakeBotApi());
  });

  const env = () => ({ TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot });

  it('webhook mode: registers the webhook with its secret, and a posted update is answered through the Bot API', async () => {
    const { url } = await start({ ...env(), PUBLIC_URL, TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET });
    expect(telegram.callsTo('setWebhook')).toEqual([expect.objectContaining({ url: `${PUBLIC_URL}/telegram/webhook`, secret_token: TELEGRAM_SECRET })]);
    expect(telegram.callsTo('setMyCommands')).toHaveLength(1);

    const response = await postTelegram(url, textUpdate(501, QUESTION));
    expect(response.status).toBe(200);
    await vi.waitFor(() => expect(telegram.callsTo('sendMessage').length).toBeGreaterThan(0), WAIT);
    expect(telegram.callsTo('sendMessage')[0]).toMatchObject({ chat_id: '42', text: expect.stringMatching(/hộ chiếu/i) });
  });

  it('faults: a reply Telegram refuses for a while (429, then 500) is delivered once, and other chats are answered meanwhile', async () => {
    const { url } = await start({ ...env(), PUBLIC_URL, TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET });
    telegram.fail('sendMessage', 1, { kind: 'rate_limit', retryAfter: 1 });
    telegram.fail('sendMessage', 1, { kind: 'server_error' }, { after: 0 });
    // The same update three times at once, as a platform redelivering may do.
    const statuses = await Promise.all([1, 2, 3].map(() => postTelegram(url, textUpdate(701, QUESTION, 91)).then((r) => r.status)));
    expect(statuses).toEqual([200, 200, 200]);
    await postTelegram(url, textUpdate(702, 'đăng ký khai tử', 92));
    const to = (chat: string) => telegram.succeeded('sendMessage').filter((m) => m.chat_id === chat).map((m) => String(m.text));
    await vi.waitFor(() => expect(to('92').length).toBeGreaterThan(0), WAIT);
    await vi.waitFor(() => expect(to('91').some((text) => /hộ chiếu/i.test(text))).toBe(true), WAIT);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Each part of each answer reached its chat once, however often it was tried.
    for (const chat of ['91', '92']) expect(new Set(to(chat)).size).toBe(to(chat).length);
  });

  it('webhook mode: a wrong secret is refused and nothing is answered', async () => {
    const { url } = await start({ ...env(), PUBLIC_URL, TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET });
    const response = await post(`${url}/telegram/webhook`, { 'x-telegram-bot-api-secret-token': 'wrong' }, textUpdate(502, QUESTION));
    expect(response.status).toBe(401);
  });

  it('polling mode: fetches updates itself and answers them; close() ends the loop', async () => {
    await start(env());
    telegram.queueUpdates(textUpdate(601, QUESTION, 77));
    await vi.waitFor(() => expect(telegram.callsTo('sendMessage').length).toBeGreaterThan(0), WAIT);
    expect(telegram.callsTo('sendMessage')[0]).toMatchObject({ chat_id: '77' });
    expect(telegram.callsTo('deleteWebhook')).toHaveLength(1);
    await running!.close();
    running = undefined;
    const polls = telegram.callsTo('getUpdates').length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(telegram.callsTo('getUpdates')).toHaveLength(polls);
  });
});

describe('Zalo Bot Platform', () => {
  let zalo: FakeZaloBotApi;
  beforeEach(async () => {
    zalo = closeAfterTest(await FakeZaloBotApi.start());
  });

  const env = () => ({ ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot });

  it('webhook mode: registers the webhook, and a posted update is answered through the Zalo API', async () => {
    const { url } = await start({ ...env(), PUBLIC_URL, ZALO_WEBHOOK_SECRET: ZALO_SECRET });
    expect(zalo.webhook).toMatchObject({ url: `${PUBLIC_URL}/zalo/webhook`, secretToken: ZALO_SECRET });

    const response = await postZalo(url, zaloText('m-1', QUESTION));
    expect(response.status).toBe(200);
    await vi.waitFor(() => expect(zalo.sentTexts().length).toBeGreaterThan(0), WAIT);
    expect(zalo.callsOf('sendMessage')[0]!.body).toMatchObject({ chat_id: 'chat-1', text: expect.stringMatching(/hộ chiếu/i) });
  });

  it('polling mode: fetches updates itself and answers them', async () => {
    await start(env());
    zalo.queueUpdate(zaloText('m-2', QUESTION, 'chat-2'));
    await vi.waitFor(() => expect(zalo.sentTexts().length).toBeGreaterThan(0), WAIT);
    expect(zalo.callsOf('sendMessage')[0]!.body).toMatchObject({ chat_id: 'chat-2' });
  });
});

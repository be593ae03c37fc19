// Two app instances on the local Redis and PostgreSQL behind one Telegram bot, as a load
// balancer would run them: an update delivered to both is answered once, and one chat's
// updates, arriving at either instance in turn, are answered in order.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { MENU_TEXTS, TEXTS } from '../../src/texts/citizens.ts';
import { startServer, type RunningServer } from '../../src/main.ts';
import { textUpdate } from '../adapters/telegram/updates.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/telegram-bot-api.ts';
import { deleteRedisKeys, REDIS_URL } from '../store/backends.ts';
import { postgresDatabase } from '../store/databases.ts';
import { postTelegram, PUBLIC_URL, TELEGRAM_SECRET, testConfig } from './running-server.ts';

const WAIT = { timeout: 15_000, interval: 20 };
const prefix = `motcua-test-${randomUUID()}`;
// The records the instances share (without DATABASE_URL a Redis store's would be data/records.sqlite).
const records = postgresDatabase();
let telegram: FakeBotApi;
let instances: RunningServer[] = [];

beforeAll(async () => {
  telegram = await startFakeBotApi();
  const config = testConfig({
    STORE_URL: REDIS_URL,
    STORE_PREFIX: prefix,
    DATABASE_URL: records.url,
    PUBLIC_URL,
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
    TELEGRAM_API_ROOT: telegram.apiRoot,
  });
  instances = [await startServer(config), await startServer(config)];
});

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.close()));
  await telegram.close();
  await deleteRedisKeys(REDIS_URL, `${prefix}:*`);
  await records.cleanup();
});

const sentTo = (chatId: number) => telegram.callsTo('sendMessage').filter((params) => params.chat_id === String(chatId));

it('an update delivered to both instances at once is answered once', async () => {
  const update = textUpdate(9001, '/lienhe', 501);
  const responses = await Promise.all(instances.map((instance) => postTelegram(instance.url, update)));
  expect(responses.map((r) => r.status)).toEqual([200, 200]);
  await vi.waitFor(() => expect(sentTo(501)).toHaveLength(1), WAIT);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(sentTo(501)).toHaveLength(1);
  expect(sentTo(501)[0]!.text).toContain(MENU_TEXTS.contacts);
});

it("one chat's updates, arriving at either instance in turn, are answered in order", async () => {
  // Commands with one short, recognisable answer each.
  const dialogue: [string, string][] = [
    ['/help', 'Cách dùng'],
    ['/thongbao', 'đã đăng ký nhận thông báo'],
    ['/tracuu', 'Để tra cứu phản ánh'],
    ['huy thong bao', 'đã hủy nhận thông báo'],
    ['/phananh', TEXTS.complaintStart.slice(0, 30)],
    ['/lienhe', MENU_TEXTS.contacts],
    ['/thongbao', 'đã đăng ký nhận thông báo'],
    ['/help', 'Cách dùng'],
  ];
  for (const [i, [command]] of dialogue.entries()) {
    const response = await postTelegram(instances[i % 2]!.url, textUpdate(9100 + i, command, 502));
    expect(response.status).toBe(200);
  }
  await vi.waitFor(() => expect(sentTo(502)).toHaveLength(dialogue.length), WAIT);
  const answers = sentTo(502).map((params) => String(params.text));
  answers.forEach((answer, i) => expect(answer).toContain(dialogue[i]![1]));
});

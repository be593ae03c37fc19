// ANSWERING=thread: the server stores and acknowledges platform updates, and a worker
// thread of its own answers them, and the web chat's messages once it runs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { Conversation } from '../../src/dialogue/conversation.ts';
import { MENU_TEXTS, TEXTS } from '../../src/texts/citizens.ts';
import { startServer, type RunningServer } from '../../src/main.ts';
import { textUpdate } from '../adapters/telegram/updates.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/telegram-bot-api.ts';
import { postTelegram, PUBLIC_URL, TELEGRAM_SECRET, testConfig } from './running-server.ts';

const WAIT = { timeout: 20_000, interval: 20 };
let dir: string;
let telegram: FakeBotApi;
let server: RunningServer | undefined;
// The conversation of this (the serving) thread; the answering thread has its own modules, which this spy does not see.
const answeredHere = vi.spyOn(Conversation.prototype, 'handle');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-answering-'));
  telegram = await startFakeBotApi();
  server = await startServer(
    testConfig({
      ANSWERING: 'thread',
      STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
      PUBLIC_URL,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    }),
  );
});

afterAll(async () => {
  await server?.close();
  await telegram.close();
  await rm(dir, { recursive: true, force: true });
});

const sentTo = (chatId: number) => telegram.callsTo('sendMessage').filter((params) => params.chat_id === String(chatId));

it('updates are acknowledged at once, and answered in order by the answering thread', async () => {
  // Posted before the thread may be up: they wait in the store, and it takes them up when it starts.
  const dialogue: [string, string][] = [
    ['/help', 'Cách dùng'],
    ['/lienhe', MENU_TEXTS.contacts],
    ['/phananh', TEXTS.complaintStart.slice(0, 30)],
  ];
  for (const [i, [command]] of dialogue.entries()) {
    const response = await postTelegram(server!.url, textUpdate(7100 + i, command, 701));
    expect(response.status).toBe(200);
  }
  await vi.waitFor(() => expect(sentTo(701)).toHaveLength(dialogue.length), WAIT);
  sentTo(701).forEach((params, i) => expect(String(params.text)).toContain(dialogue[i]![1]));
  expect(answeredHere).not.toHaveBeenCalled();
});

it('is ready only once the answering thread runs; the webhook was set once, by the serving thread', async () => {
  await vi.waitFor(async () => expect((await fetch(`${server!.url}/readyz`)).status).toBe(200), WAIT);
  expect(telegram.callsTo('setWebhook')).toHaveLength(1);
  expect(telegram.callsTo('setMyCommands')).toHaveLength(1);
});

it('a redelivered update is answered once', async () => {
  const update = textUpdate(7200, '/lienhe', 702);
  const statuses = await Promise.all([1, 2, 3].map(async () => (await postTelegram(server!.url, update)).status));
  expect(statuses).toEqual([200, 200, 200]);
  await vi.waitFor(() => expect(sentTo(702)).toHaveLength(1), WAIT);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(sentTo(702)).toHaveLength(1);
});

it('the web chat is answered at once, by the answering thread', async () => {
  const response = await fetch(`${server!.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ session: 'answering-thread-web', text: '/lienhe' }) });
  expect(response.status).toBe(200);
  expect(JSON.stringify(await response.json())).toContain(MENU_TEXTS.contacts);
  expect(answeredHere).not.toHaveBeenCalled();
});

it('closing the server ends the thread, with no answer lost', async () => {
  await postTelegram(server!.url, textUpdate(7300, '/help', 703));
  const started = Date.now();
  await server!.close();
  server = undefined;
  // The thread finished the answer in hand (or left it queued for the next start) and ended by itself, well before it would be ended outright.
  expect(Date.now() - started).toBeLessThan(10_000);
});

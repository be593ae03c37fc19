// Redis restarted under load: the real server on its own Redis (append-only file,
// fsync on every write, as a deployment keeps it) and PostgreSQL, Telegram updates
// streaming in from many chats. Redis is killed mid-stream and started again: while it
// is down /readyz says so and updates are refused with 503 (Telegram delivers them
// again, as the test does); once it is back the server recovers by itself, and every
// update it acknowledged with 200 is answered. A reply sent while Redis died, before
// its message could be marked done, is sent again: at most once more per chat, since a
// chat has one message in hand at a time.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../src/main.ts';
import { textUpdate } from '../adapters/telegram/updates.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/telegram-bot-api.ts';
import { postgresDatabase } from '../store/databases.ts';
import { postTelegram, PUBLIC_URL, TELEGRAM_SECRET, testConfig } from './running-server.ts';

const CHATS = 24;
const UPDATES_PER_CHAT = 3;
const dir = mkdtempSync(join(tmpdir(), 'motcua-redis-restart-'));
const records = postgresDatabase();
let port: number;
let redis: ChildProcess | undefined;
let telegram: FakeBotApi;
let server: RunningServer;

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port: free } = probe.address() as { port: number };
  probe.close();
  return free;
}

/** Starts Redis on `port`, keeping its data in `dir`; resolves once it answers. */
async function startRedis(): Promise<void> {
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''], { stdio: 'ignore' });
  // Never outlives the test run, even when a hook times out before afterAll kills it.
  const started = redis;
  process.once('exit', () => started.kill('SIGKILL'));
  await vi.waitFor(
    async () => {
      const ping = spawn('redis-cli', ['-p', String(port), 'ping'], { stdio: ['ignore', 'pipe', 'ignore'] });
      let out = '';
      ping.stdout.on('data', (chunk) => (out += chunk));
      await once(ping, 'exit');
      expect(out.trim()).toBe('PONG');
    },
    { timeout: 10_000, interval: 50 },
  );
}

async function killRedis(): Promise<void> {
  const child = redis!;
  child.kill('SIGKILL');
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
}

const readiness = async () => (await fetch(`${server.url}/readyz`)).status;

beforeAll(async () => {
  port = await freePort();
  await startRedis();
  telegram = await startFakeBotApi();
  server = await startServer(
    testConfig({
      STORE_URL: `redis://127.0.0.1:${port}`,
      DATABASE_URL: records.url,
      PUBLIC_URL,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    }),
  );
}, 30_000);

afterAll(async () => {
  await server?.close();
  await telegram?.close();
  if (redis) await killRedis();
  await records.cleanup();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

it('reports Redis gone on /readyz, recovers when it is back, and answers every acknowledged update', async () => {
  const updates = Array.from({ length: CHATS * UPDATES_PER_CHAT }, (_, i) => textUpdate(70_000 + i, i % 2 ? '/lienhe' : '/help', 900 + (i % CHATS)));
  const acknowledged = new Set<number>();
  let refused = 0;
  // Telegram's side: each update is posted until it is acknowledged with 200, a little apart.
  const deliver = async (update: (typeof updates)[number]) => {
    for (;;) {
      const response = await postTelegram(server.url, update).catch(() => undefined);
      if (response?.status === 200) return void acknowledged.add(update.update_id);
      refused++;
      await sleep(100);
    }
  };

  const firstHalf = updates.slice(0, updates.length / 2);
  const secondHalf = updates.slice(updates.length / 2);
  const streaming = (async () => {
    for (const update of firstHalf) {
      void deliver(update);
      await sleep(15);
    }
  })();
  await sleep(firstHalf.length * 7);
  await killRedis();
  const duringOutage = Promise.all(secondHalf.map(deliver));
  await vi.waitFor(async () => expect(await readiness()).toBe(503), { timeout: 5_000, interval: 50 });
  expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'unavailable', reason: 'store: unreachable' });
  await sleep(500);
  await startRedis();
  await vi.waitFor(async () => expect(await readiness()).toBe(200), { timeout: 15_000, interval: 100 });
  await streaming;
  await duringOutage;
  await vi.waitFor(() => expect(acknowledged.size).toBe(updates.length), { timeout: 20_000, interval: 100 });

  expect(refused).toBeGreaterThan(0); // the outage was felt
  // Every update answered in every chat; none lost, and at most the one in hand repeated.
  const repliesIn = (chat: number) => telegram.callsTo('sendMessage').filter((call) => call.chat_id === String(chat)).length;
  await vi.waitFor(
    () => {
      for (let chat = 900; chat < 900 + CHATS; chat++) expect(repliesIn(chat)).toBeGreaterThanOrEqual(UPDATES_PER_CHAT);
    },
    { timeout: 40_000, interval: 200 },
  );
  await sleep(500);
  for (let chat = 900; chat < 900 + CHATS; chat++) expect(repliesIn(chat)).toBeLessThanOrEqual(UPDATES_PER_CHAT + 1);
}, 120_000);

// The answering thread's keeper: a thread that ends is started again (after a pause) and
// logged; chats are named to it in batches; stop() ends it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { AnsweringThread } from '../../src/answering-thread.ts';
import type { Config } from '../../src/config.ts';
import { memoryLog } from '../messaging/inbox-fixtures.ts';

const FLAKY = new URL('./flaky-answering-thread.js', import.meta.url);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-thread-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('a thread that ends is logged and started again; the server is ready once it runs', async () => {
  const thread = new AnsweringThread({ markerDir: dir } as unknown as Config, FLAKY);
  const log = memoryLog();
  thread.start();
  expect(thread.ready()).toBe(false);
  thread.logTo(log);
  await vi.waitFor(() => expect(thread.ready()).toBe(true), { timeout: 10_000, interval: 20 });
  expect(log.lines.map((line) => line.message)).toContain('answering thread: ended; starting it again (queued messages wait, none is lost)');
  await thread.stop();
  expect(thread.ready()).toBe(false);
});

it('web chat messages are answered by the thread while it runs and here while it does not; one in hand when it ends is refused', async () => {
  const thread = new AnsweringThread({ markerDir: dir } as unknown as Config, FLAKY);
  thread.logTo(memoryLog());
  const converse = thread.conversing(async (incoming) => [{ text: `here: ${incoming.text}` }]);
  const say = (text: string) => converse({ address: { channel: 'web', chatId: 'restart-web' }, updateId: text, text, receivedAt: Date.now() });
  thread.start();
  // The first start fails: the serving thread answers meanwhile.
  expect(await say('một')).toEqual([{ text: 'here: một' }]);
  await vi.waitFor(() => expect(thread.ready()).toBe(true), { timeout: 10_000, interval: 20 });
  expect(await say('hai')).toEqual([{ text: 'thread: hai' }]);
  await expect(say('fail')).rejects.toThrow('the conversation failed');
  await expect(say('crash')).rejects.toThrow('ended before it answered');
  expect(await say('ba')).toEqual([{ text: 'here: ba' }]);
  await vi.waitFor(() => expect(thread.ready()).toBe(true), { timeout: 10_000, interval: 20 });
  expect(await say('bốn')).toEqual([{ text: 'thread: bốn' }]);
  await thread.stop();
});

it('tells the thread when many updates wait to be stored at once, and when they are in; a thread started again meanwhile is told too', async () => {
  const thread = new AnsweringThread({ markerDir: dir } as unknown as Config, FLAKY);
  thread.logTo(memoryLog());
  const converse = thread.conversing(async () => [{ text: 'here' }]);
  const say = (text: string) => converse({ address: { channel: 'web', chatId: 'backlog-web' }, updateId: text, text, receivedAt: Date.now() });
  thread.start();
  await vi.waitFor(() => expect(thread.ready()).toBe(true), { timeout: 10_000, interval: 20 });
  const stored: (() => void)[] = [];
  const admit = thread.admitting(() => new Promise((resolve) => stored.push(() => resolve('accepted'))));
  const update = (n: number) => ({ address: { channel: 'telegram' as const, chatId: String(n) }, updateId: String(n), text: 'xin chào', receivedAt: Date.now() });
  const admitted = Array.from({ length: 20 }, (_, n) => admit(update(n)));
  await vi.waitFor(async () => expect(await say('backlog?')).toEqual([{ text: 'backlog: true' }]), { timeout: 5_000, interval: 20 });
  await expect(say('crash')).rejects.toThrow('ended before it answered');
  await vi.waitFor(() => expect(thread.ready()).toBe(true), { timeout: 10_000, interval: 20 });
  expect(await say('backlog?')).toEqual([{ text: 'backlog: true' }]);
  for (const done of stored) done();
  await Promise.all(admitted);
  await vi.waitFor(async () => expect(await say('backlog?')).toEqual([{ text: 'backlog: false' }]), { timeout: 5_000, interval: 20 });
  await thread.stop();
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ZaloClient } from '../../../adapters/zalo/client.ts';
import { runZaloPolling } from '../../../adapters/zalo/polling.ts';
import type { DebugLog } from '../../../src/kernel/log.ts';
import type { Incoming } from '../../../src/kernel/messages.ts';
import { FakeZaloBotApi } from '../../fakes/zalo-bot-api.ts';

let fake: FakeZaloBotApi;
let controller: AbortController;
let admitted: Incoming[];
let sleeps: number[];
const log: DebugLog = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };

beforeEach(async () => {
  fake = await FakeZaloBotApi.start({ emptyPollMs: 20 });
  controller = new AbortController();
  admitted = [];
  sleeps = [];
  vi.clearAllMocks();
});
afterEach(async () => {
  controller.abort();
  await fake.close();
});

const noSleep = async (ms: number) => void sleeps.push(ms);

function start(admit = async (incoming: Incoming) => (admitted.push(incoming), 'accepted' as const)) {
  const client = new ZaloClient({ token: fake.token, apiRoot: fake.apiRoot, maxRetries: 0, sleep: noSleep });
  return runZaloPolling({ client, admit, signal: controller.signal, log, pollTimeoutSeconds: 1, sleep: noSleep });
}

const text = (id: string, from = 'citizen-1') => ({
  event_name: 'message.text.received',
  message: { message_id: id, date: 1750316131602, text: `câu hỏi ${id}`, chat: { id: 'citizen-1' }, from: { id: from } },
});

describe('runZaloPolling against the fake Bot Platform', () => {
  it('deletes a registered webhook before the first poll', async () => {
    fake.webhook = { url: 'https://old.example.vn/hook', secretToken: 'old-secret-123', updatedAt: 1 };
    const running = start();
    await vi.waitFor(() => expect(fake.callsOf('getUpdates').length).toBeGreaterThan(0));
    controller.abort();
    await running;
    expect(fake.calls.slice(0, 4).map((c) => c.method)).toEqual(['getMe', 'getWebhookInfo', 'deleteWebhook', 'getUpdates']);
    expect(fake.webhook).toBeUndefined();
    expect(log.warn).toHaveBeenCalledWith({ url: 'https://old.example.vn/hook' }, expect.stringContaining('deleting'));
  });

  it('does not call deleteWebhook when none is set', async () => {
    const running = start();
    await vi.waitFor(() => expect(fake.callsOf('getUpdates').length).toBeGreaterThan(0));
    controller.abort();
    await running;
    expect(fake.callsOf('deleteWebhook')).toEqual([]);
  });

  it('admits queued text updates in order and skips the rest', async () => {
    fake.queueUpdate(text('m1'));
    fake.queueUpdate({ event_name: 'message.sticker.received', message: { message_id: 's1', chat: { id: 'citizen-1' } } });
    fake.queueUpdate(text('echo', fake.botId));
    fake.queueUpdate({ ok: true, result: text('m2') });
    fake.queueUpdate({ nonsense: true });
    const running = start();
    fake.queueUpdate(text('m3'));
    await vi.waitFor(() => expect(admitted).toHaveLength(3));
    controller.abort();
    await running;
    expect(admitted.map((i) => i.updateId)).toEqual(['m1', 'm2', 'm3']);
    expect(admitted[0]).toMatchObject({ address: { channel: 'zalo', chatId: 'citizen-1' }, text: 'câu hỏi m1', receivedAt: 1750316131602 });
    expect(log.warn).toHaveBeenCalledWith({ reason: expect.any(String) }, expect.stringContaining('malformed'));
  });

  it('backs off after server errors and keeps polling', async () => {
    fake.failNext('getUpdates', { errorCode: 500 }, 3);
    fake.queueUpdate(text('m1'));
    const running = start();
    await vi.waitFor(() => expect(admitted).toHaveLength(1));
    controller.abort();
    await running;
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(log.warn).toHaveBeenCalledTimes(3);
  });

  it('retries admission instead of dropping an update Zalo has already handed over', async () => {
    let failures = 2;
    const admit = vi.fn(async (incoming: Incoming) => {
      if (failures-- > 0) throw new Error('store down');
      admitted.push(incoming);
      return 'accepted' as const;
    });
    fake.queueUpdate(text('m1'));
    fake.queueUpdate(text('m2'));
    const running = start(admit);
    await vi.waitFor(() => expect(admitted).toHaveLength(2));
    controller.abort();
    await running;
    expect(admitted.map((i) => i.updateId)).toEqual(['m1', 'm2']);
    expect(admit).toHaveBeenCalledTimes(4);
    expect(log.error).toHaveBeenCalledTimes(2);
  });

  it('stops promptly when aborted in the middle of a long poll', async () => {
    const slow = await FakeZaloBotApi.start({ emptyPollMs: 60_000 });
    try {
      const client = new ZaloClient({ token: slow.token, apiRoot: slow.apiRoot });
      const running = runZaloPolling({ client, admit: async () => 'accepted', signal: controller.signal, log });
      await vi.waitFor(() => expect(slow.callsOf('getUpdates')).toHaveLength(1));
      const t0 = Date.now();
      controller.abort();
      await running;
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(log.info).toHaveBeenLastCalledWith({}, 'zalo polling: stopped');
    } finally {
      await slow.close();
    }
  });

  it('resolves at once when already aborted', async () => {
    controller.abort();
    await expect(start()).resolves.toBeUndefined();
  });

  it('fails on a bad token instead of retrying forever', async () => {
    const client = new ZaloClient({ token: '1:not-the-token', apiRoot: fake.apiRoot, sleep: noSleep });
    await expect(runZaloPolling({ client, admit: async () => 'accepted', signal: controller.signal, log })).rejects.toMatchObject({ kind: 'auth' });
  });

  it('fails when the token stops working while polling', async () => {
    fake.failNext('getUpdates', { errorCode: 401, description: 'Unauthorized' });
    await expect(start()).rejects.toMatchObject({ kind: 'auth' });
  });
});

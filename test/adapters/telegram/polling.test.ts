import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTelegramBot, type Sleep } from '../../../adapters/telegram/bot.ts';
import { pollUpdates } from '../../../adapters/telegram/polling.ts';
import type { Admit, Incoming } from '../../../src/kernel/messages.ts';
import { FAKE_BOT_USER, startFakeBotApi, type FakeBotApi } from '../../fakes/telegram-bot-api.ts';
import { callbackUpdate, editedUpdate, textUpdate } from './updates.ts';

let fake: FakeBotApi;
let controller: AbortController;
let admitted: Incoming[];
let errors: unknown[];
const sleep: Sleep = async () => {};

beforeEach(async () => {
  fake = await startFakeBotApi();
  controller = new AbortController();
  admitted = [];
  errors = [];
});

afterEach(async () => {
  controller.abort();
  await fake.close();
});

function poll(admit: Admit, token = fake.token): Promise<void> {
  const bot = createTelegramBot({ token, apiRoot: fake.apiRoot, botInfo: FAKE_BOT_USER, retries: 0 });
  return pollUpdates({ api: bot.api, admit, signal: controller.signal, sleep, onError: (e) => errors.push(e) });
}

const accept: Admit = async (incoming) => {
  admitted.push(incoming);
  return 'accepted';
};

/** The offset of each getUpdates call, in order. */
const offsets = () => fake.callsTo('getUpdates').map((p) => p.offset);

describe('Telegram polling', () => {
  it('removes the webhook, admits queued updates in order and answers buttons', async () => {
    fake.queueUpdates(textUpdate(10, 'một'), editedUpdate(11), callbackUpdate(12, 'm1.0'), textUpdate(13, 'ba'));
    const running = poll(accept);
    await vi.waitFor(() => expect(offsets()).toEqual([undefined, 14]));
    expect(admitted.map((i) => i.text ?? i.action)).toEqual(['một', 'm1.0', 'ba']);
    expect(fake.calls[0]!.method).toBe('deleteWebhook');
    expect(fake.callsTo('getUpdates')[0]).toMatchObject({ timeout: 30, allowed_updates: ['message', 'callback_query'] });
    await vi.waitFor(() => expect(fake.callsTo('answerCallbackQuery')).toEqual([{ callback_query_id: 'cq-12' }]));

    fake.queueUpdates(textUpdate(14, 'bốn')); // wakes the waiting long poll
    await vi.waitFor(() => expect(offsets()).toEqual([undefined, 14, 15]));
    expect(admitted.map((i) => i.text ?? i.action)).toEqual(['một', 'm1.0', 'ba', 'bốn']);

    controller.abort();
    await expect(running).resolves.toBeUndefined();
  });

  it('moves the offset past an update only after admit resolved', async () => {
    let store: ((ok: boolean) => void) | undefined;
    const admit: Admit = (incoming) => {
      admitted.push(incoming);
      if (incoming.updateId !== '21' || admitted.length > 2) return Promise.resolve('accepted');
      // The first try at update 21 waits for the test, then fails: a store outage.
      return new Promise((resolve, reject) => (store = (ok) => (ok ? resolve('accepted') : reject(new Error('store down')))));
    };
    fake.queueUpdates(textUpdate(20, 'a'), textUpdate(21, 'b'));
    const running = poll(admit);
    await vi.waitFor(() => expect(store).toBeDefined());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(offsets()).toEqual([undefined]); // nothing fetched (so nothing confirmed) while 21 is being stored

    store!(false);
    // Fetched again from 21 (20 is now confirmed), stored on the second try, then confirmed.
    await vi.waitFor(() => expect(offsets()).toEqual([undefined, 21, 22]));
    expect(admitted.map((i) => i.updateId)).toEqual(['20', '21', '21']);
    expect(errors).toEqual([new Error('store down')]);
    controller.abort();
    await running;
  });

  it('skips a malformed update instead of fetching it forever', async () => {
    fake.queueUpdates({ update_id: 30, message: { text: 'no chat' } } as never, textUpdate(31, 'ok'));
    const running = poll(accept);
    await vi.waitFor(() => expect(offsets()).toEqual([undefined, 32]));
    expect(admitted.map((i) => i.updateId)).toEqual(['31']);
    expect(String(errors[0])).toMatch(/malformed Telegram update 30/);
    controller.abort();
    await running;
  });

  it('keeps polling after getUpdates fails', async () => {
    fake.fail('getUpdates', 1, { kind: 'error', code: 409, description: 'Conflict: terminated by other getUpdates request' });
    fake.queueUpdates(textUpdate(40, 'vẫn chạy'));
    const running = poll(accept);
    await vi.waitFor(() => expect(admitted.map((i) => i.text)).toEqual(['vẫn chạy']));
    expect(errors).toHaveLength(1);
    controller.abort();
    await running;
  });

  it('fails loudly on a wrong token', async () => {
    await expect(poll(accept, '1:wrong')).rejects.toThrow(/401/);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZaloOaClient, ZaloOaError, ZaloOaOAuth } from '../../../adapters/zalo-oa/client.ts';
import { createZaloOaSender, takeUndelivered, UNDELIVERED_NAMESPACE } from '../../../adapters/zalo-oa/sender.ts';
import { OaTokenManager, type InitialTokens } from '../../../adapters/zalo-oa/tokens.ts';
import { CHOICE_HINT } from '../../../src/texts/citizens.ts';
import type { Address, ChannelSender } from '../../../src/kernel/messages.ts';
import type { Store } from '../../../src/store/store.ts';
import { FakeZaloOaApi, type FakeOaFailure } from '../../fakes/zalo-oa-api.ts';
import { sqliteBackend, type Backend } from '../../store/backends.ts';
import { memoryLog, OA_ID, USER_ID } from './events.ts';

let fake: FakeZaloOaApi;
let backend: Backend;
let store: Store;
let sender: ChannelSender;

beforeEach(async () => {
  fake = await FakeZaloOaApi.start();
  backend = sqliteBackend();
  store = await backend.open();
  sender = await senderOn(store);
});
afterEach(async () => {
  await fake.close();
  await backend.cleanup();
});

/** The whole chain the lead wires: token manager over the store, client, sender. */
async function senderOn(on: Store, initial?: InitialTokens): Promise<ChannelSender> {
  const oauth = new ZaloOaOAuth({ appId: fake.appId, appSecretKey: fake.appSecretKey, oauthRoot: fake.root });
  const tokens = new OaTokenManager({ store: on, oaId: OA_ID, oauth, log: memoryLog() });
  await tokens.seed(initial ?? { ...fake.initial, expiresAt: Date.now() + 3_600_000 });
  return createZaloOaSender({ client: new ZaloOaClient({ tokens, apiRoot: fake.root, timeoutMs: 1_000 }), store: on });
}

const to: Address = { channel: 'zalo-oa', chatId: USER_ID };

describe('Zalo OA sender', () => {
  it('is the sender for the zalo-oa channel', () => {
    expect(sender.channel).toBe('zalo-oa');
  });

  it('sends each reply, choices as a numbered list, in order', async () => {
    const outcome = await sender.send(to, [
      { text: 'Xin chào anh/chị!' },
      { text: 'Anh/chị hỏi thủ tục nào?', choices: [{ label: 'Khai sinh', action: 'a1' }, { label: 'Kết hôn', action: 'a2' }] },
    ]);
    expect(outcome).toEqual({ ok: true });
    expect(fake.sentTexts()).toEqual(['Xin chào anh/chị!', `Anh/chị hỏi thủ tục nào?\n\n1. Khai sinh\n2. Kết hôn\n\n${CHOICE_HINT}`]);
    expect(fake.sends().every((call) => (call.body.recipient as { user_id: string }).user_id === USER_ID)).toBe(true);
  });

  it('splits a long reply into chunks of at most 2,000 characters', async () => {
    const paragraphs = Array.from({ length: 10 }, (_, i) => `Bước ${i + 1}. ${'nộp hồ sơ tại Bộ phận Một cửa '.repeat(12).trim()}`);
    expect(await sender.send(to, [{ text: paragraphs.join('\n\n') }])).toEqual({ ok: true });
    const sent = fake.sentTexts();
    expect(sent.length).toBeGreaterThan(1);
    for (const text of sent) expect(text.length).toBeLessThanOrEqual(2000);
    expect(sent.join('\n\n')).toBe(paragraphs.join('\n\n'));
  });

  it.each<[string, FakeOaFailure, string]>([
    ['HTTP 429', { error: -32, httpStatus: 429 }, 'rate_limited'],
    ['HTTP 500', { error: -1, httpStatus: 500 }, 'unavailable'],
    ['a dropped connection', 'reset', 'unavailable'],
    ['error -224', { error: -224, message: 'OA tier does not include this feature' }, 'rejected'],
  ])('maps %s to %s', async (_, failure, reason) => {
    fake.failNextSend(failure);
    const outcome = await sender.send(to, [{ text: 'Xin chào' }]);
    expect(outcome).toMatchObject({ ok: false, reason });
    expect(outcome.ok === false && outcome.detail).toContain('0 of 1 messages sent');
    expect(await takeUndelivered(store, USER_ID)).toEqual([]);
  });

  it('answers rejected while the OA needs re-consent', async () => {
    await store.delete('oa-tokens', OA_ID);
    const stuck = await senderOn(store, { refreshToken: 'refresh-never-issued' });
    expect(await stuck.send(to, [{ text: 'Xin chào' }])).toMatchObject({ ok: false, reason: 'rejected', detail: expect.stringMatching(/-118/) });
  });

  it('refuses an address of another channel', async () => {
    expect(await sender.send({ channel: 'zalo', chatId: USER_ID }, [{ text: 'x' }])).toMatchObject({ ok: false, reason: 'rejected' });
    expect(fake.calls).toEqual([]);
  });

  describe('when the citizen’s window has closed', () => {
    it('keeps the replies, and takeUndelivered hands them out once', async () => {
      fake.failNextSend({ error: -230, message: 'User has not interacted with the OA in the past 7 days' });
      const replies = [{ text: 'Hồ sơ của anh/chị đã được tiếp nhận.' }, { text: 'Chọn:', choices: [{ label: 'Tra cứu', action: 'a1' }] }];
      const outcome = await sender.send(to, replies);
      expect(outcome).toMatchObject({ ok: false, reason: 'window_closed', detail: expect.stringMatching(/-230.*kept for the citizen’s next message/) });
      expect(fake.sentTexts()).toEqual([]);

      const kept = await takeUndelivered(store, USER_ID);
      expect(kept).toEqual([{ text: 'Hồ sơ của anh/chị đã được tiếp nhận.' }, { text: `Chọn:\n\n1. Tra cứu\n\n${CHOICE_HINT}` }]);
      expect(await takeUndelivered(store, USER_ID)).toEqual([]);

      // The citizen writes again: what was kept goes out as the citizen would have read it.
      expect(await sender.send(to, kept)).toEqual({ ok: true });
      expect(fake.sentTexts()).toEqual(kept.map((reply) => reply.text));
    });

    it('delivers what was kept first when the citizen writes again', async () => {
      fake.failNextSend({ error: -230 });
      await sender.send(to, [{ text: 'Câu trả lời cũ' }]);
      expect(await sender.send(to, [{ text: 'Câu trả lời mới' }])).toEqual({ ok: true });
      expect(fake.sentTexts()).toEqual(['Câu trả lời cũ', 'Câu trả lời mới']);
      expect(await takeUndelivered(store, USER_ID)).toEqual([]);
    });

    it('adds to what is already kept', async () => {
      fake.failNextSend({ error: -213 });
      await sender.send(to, [{ text: 'một' }]);
      fake.failNextSend({ error: -230 });
      await sender.send(to, [{ text: 'hai' }, { text: 'ba' }]);
      expect(await takeUndelivered(store, USER_ID)).toEqual([{ text: 'một' }, { text: 'hai' }, { text: 'ba' }]);
    });

    it('keeps the rest when the window closes part-way through', async () => {
      const client = {
        sendText: async (_userId: string, text: string) => {
          if (text === 'hai') throw new ZaloOaError('sendText', 'window_closed', 'Zalo OA sendText: error -230', -230);
          return {};
        },
      };
      const partial = createZaloOaSender({ client, store });
      const outcome = await partial.send(to, [{ text: 'một' }, { text: 'hai' }, { text: 'ba' }]);
      expect(outcome).toMatchObject({ ok: false, reason: 'window_closed', detail: expect.stringContaining('1 of 3 messages sent') });
      expect(await takeUndelivered(store, USER_ID)).toEqual([{ text: 'hai' }, { text: 'ba' }]);
    });

    it('keeps them for 7 days', async () => {
      const ttls: Array<number | undefined> = [];
      const recording: Store = Object.assign(Object.create(store) as Store, {
        set: (namespace: string, key: string, value: unknown, ttlMs?: number) => {
          if (namespace === UNDELIVERED_NAMESPACE) ttls.push(ttlMs);
          return store.set(namespace, key, value, ttlMs);
        },
      });
      fake.failNextSend({ error: -230 });
      await (await senderOn(recording)).send(to, [{ text: 'x' }]);
      expect(ttls).toEqual([7 * 24 * 60 * 60 * 1000]);
    });

    it('two instances taking at once: only one gets the kept replies', async () => {
      await store.set(UNDELIVERED_NAMESPACE, USER_ID, [{ text: 'một' }], 60_000);
      const other = await backend.open();
      const taken = await Promise.all([takeUndelivered(store, USER_ID), takeUndelivered(other, USER_ID)]);
      expect(taken.flat()).toEqual([{ text: 'một' }]);
    });
  });
});

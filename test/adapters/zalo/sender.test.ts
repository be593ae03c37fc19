import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZaloApiError, ZaloClient } from '../../../adapters/zalo/client.ts';
import { createZaloSender } from '../../../adapters/zalo/sender.ts';
import { CHOICE_HINT } from '../../../src/texts/citizens.ts';
import type { Address } from '../../../src/kernel/messages.ts';
import { FakeZaloBotApi, type FakeFailure } from '../../fakes/zalo-bot-api.ts';

let fake: FakeZaloBotApi;
beforeEach(async () => {
  fake = await FakeZaloBotApi.start();
});
afterEach(() => fake.close());

const to: Address = { channel: 'zalo', chatId: 'citizen-1' };

function sender(token = fake.token) {
  return createZaloSender(new ZaloClient({ token, apiRoot: fake.apiRoot, timeoutMs: 200, sleep: async () => {} }));
}

describe('Zalo sender', () => {
  it('is the sender for the zalo channel', () => {
    expect(sender().channel).toBe('zalo');
  });

  it('sends each reply, numbered choices and all, in order', async () => {
    const outcome = await sender().send(to, [
      { text: 'Xin chào anh/chị!' },
      { text: 'Anh/chị hỏi thủ tục nào?', choices: [{ label: 'Khai sinh', action: 'a1' }, { label: 'Kết hôn', action: 'a2' }] },
    ]);
    expect(outcome).toEqual({ ok: true });
    expect(fake.sentTexts()).toEqual(['Xin chào anh/chị!', `Anh/chị hỏi thủ tục nào?\n\n1. Khai sinh\n2. Kết hôn\n\n${CHOICE_HINT}`]);
    expect(fake.callsOf('sendMessage').every((call) => call.body.chat_id === 'citizen-1')).toBe(true);
  });

  it('splits a long reply into chunks of at most 2,000 characters', async () => {
    const paragraphs = Array.from({ length: 10 }, (_, i) => `Bước ${i + 1}. ${'nộp hồ sơ tại Bộ phận Một cửa '.repeat(12).trim()}`);
    expect(await sender().send(to, [{ text: paragraphs.join('\n\n') }])).toEqual({ ok: true });
    const sent = fake.sentTexts();
    expect(sent.length).toBeGreaterThan(1);
    for (const text of sent) expect(text.length).toBeLessThanOrEqual(2000);
    expect(sent.join('\n\n')).toBe(paragraphs.join('\n\n'));
  });

  it.each<[string, string, FakeFailure]>([
    ['429', 'rate_limited', { errorCode: 429, description: 'Quota exceeded' }],
    ['500', 'unavailable', { errorCode: 500, description: 'Internal Server Error' }],
    ['a timeout', 'unavailable', 'timeout'],
    ['a dropped connection', 'unavailable', 'reset'],
    ['400', 'rejected', { errorCode: 400, description: 'Bad Request' }],
    ['a block', 'blocked', { errorCode: 403, description: 'User has blocked the bot' }],
  ])('maps %s (after the client’s retries) to %s', async (_, reason, failure) => {
    fake.failNext('sendMessage', failure, 3);
    const outcome = await sender().send(to, [{ text: 'Xin chào' }]);
    expect(outcome).toMatchObject({ ok: false, reason });
    expect(outcome.ok === false && outcome.detail).toContain('0 of 1 messages sent');
  });

  it('tries a send once and says the failure passes, so that the delivery layer retries it', async () => {
    fake.failNext('sendMessage', { errorCode: 500 }, 1);
    expect(await sender().send(to, [{ text: 'Xin chào' }])).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(fake.sentTexts()).toHaveLength(1);
    expect(await sender().send(to, [{ text: 'Xin chào' }])).toEqual({ ok: true });
  });

  it('maps an invalid token to rejected, without the token in the detail', async () => {
    const outcome = await sender('42:stale-token-value').send(to, [{ text: 'Xin chào' }]);
    expect(outcome).toMatchObject({ ok: false, reason: 'rejected' });
    expect(JSON.stringify(outcome)).not.toContain('stale-token-value');
  });

  it('stops at the first failed chunk and says how far it got', async () => {
    const delivered: string[] = [];
    const failing = createZaloSender({
      async sendMessage(_chatId, text) {
        if (text === 'ba') throw new ZaloApiError('sendMessage', 'server', 'Zalo sendMessage: error 500', 500);
        delivered.push(text);
        return {};
      },
    });
    const outcome = await failing.send(to, [{ text: 'một' }, { text: 'hai' }, { text: 'ba' }, { text: 'bốn' }]);
    expect(outcome).toEqual({ ok: false, reason: 'unavailable', detail: 'Zalo sendMessage: error 500; 2 of 4 messages sent' });
    expect(delivered).toEqual(['một', 'hai']);
  });

  it('refuses an address of another channel without calling Zalo', async () => {
    const outcome = await sender().send({ channel: 'telegram', chatId: '1' }, [{ text: 'x' }]);
    expect(outcome).toMatchObject({ ok: false, reason: 'rejected' });
    expect(fake.calls).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramBot } from '../../../adapters/telegram/bot.ts';
import { createTelegramSender } from '../../../adapters/telegram/sender.ts';
import type { Address, ChannelSender } from '../../../src/kernel/messages.ts';
import { FAKE_BOT_USER, startFakeBotApi, type FakeBotApi } from '../../fakes/telegram-bot-api.ts';

const CHAT: Address = { channel: 'telegram', chatId: '42' };
const ANSWER = [{ text: 'Lệ phí: <miễn> & 0 đồng', choices: [{ label: 'Hồ sơ', action: 'm1.0' }] }];

let fake: FakeBotApi;
let sender: ChannelSender;

function senderFor(apiRoot: string): ChannelSender {
  const bot = createTelegramBot({ token: fake.token, apiRoot, botInfo: FAKE_BOT_USER, retries: 0 });
  return createTelegramSender(bot.api);
}

beforeEach(async () => {
  fake = await startFakeBotApi();
  sender = senderFor(fake.apiRoot);
});

afterEach(async () => {
  await fake.close();
});

describe('Telegram sender', () => {
  it('sends the rendered replies with sendMessage', async () => {
    expect(await sender.send(CHAT, [...ANSWER, { text: 'Cảm ơn anh/chị' }])).toEqual({ ok: true });
    expect(fake.callsTo('sendMessage')).toEqual([
      {
        chat_id: '42',
        text: 'Lệ phí: &lt;miễn&gt; &amp; 0 đồng',
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        reply_markup: { inline_keyboard: [[{ text: 'Hồ sơ', callback_data: 'm1.0' }]] },
      },
      { chat_id: '42', text: 'Cảm ơn anh/chị', parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
    ]);
  });

  // Sends are retried by the delivery layer (src/messaging/delivery.ts), which lets go of the
  // chat while it waits; here each is tried once and the reason handed back.
  it('hands a 429 back at once with its retry_after, without calling again', async () => {
    fake.fail('sendMessage', 1, { kind: 'rate_limit', retryAfter: 3 });
    expect(await sender.send(CHAT, ANSWER)).toMatchObject({ ok: false, reason: 'rate_limited', retryAfterMs: 3000 });
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
    expect(await sender.send(CHAT, ANSWER)).toEqual({ ok: true });
  });

  it('hands a 5xx back at once as unavailable', async () => {
    fake.fail('sendMessage', 10, { kind: 'server_error' });
    expect(await sender.send(CHAT, ANSWER)).toMatchObject({ ok: false, reason: 'unavailable', detail: '500: Internal Server Error' });
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
  });

  it('reports unavailable when the Bot API cannot be reached', async () => {
    await fake.close();
    const outcome = await senderFor(fake.apiRoot).send(CHAT, ANSWER);
    expect(outcome).toMatchObject({ ok: false, reason: 'unavailable' });
    fake = await startFakeBotApi(); // for afterEach
  });

  it('reports blocked on 403, without retrying', async () => {
    fake.fail('sendMessage', 1, { kind: 'blocked' });
    expect(await sender.send(CHAT, ANSWER)).toEqual({ ok: false, reason: 'blocked', detail: '403: Forbidden: bot was blocked by the user' });
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
  });

  it('reports rejected on 400, without retrying', async () => {
    fake.fail('sendMessage', 1, { kind: 'error', code: 400, description: 'Bad Request: chat not found' });
    expect(await sender.send(CHAT, ANSWER)).toEqual({ ok: false, reason: 'rejected', detail: '400: Bad Request: chat not found' });
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
  });

  it('says how many parts were already sent when a later one fails', async () => {
    fake.fail('sendMessage', 1, { kind: 'blocked' }, { after: 1 });
    expect(await sender.send(CHAT, [{ text: 'một' }, { text: 'hai' }, { text: 'ba' }])).toEqual({
      ok: false,
      reason: 'blocked',
      detail: '403: Forbidden: bot was blocked by the user (after 1 of 3 messages were sent)',
    });
    expect(fake.callsTo('sendMessage').map((p) => p.text)).toEqual(['một', 'hai']);
  });

  it('rejects, without calling Telegram, a reply whose action does not fit callback_data', async () => {
    const outcome = await sender.send(CHAT, [{ text: 'Chọn', choices: [{ label: 'x', action: 'section:'.padEnd(65, 'x') }] }]);
    expect(outcome).toMatchObject({ ok: false, reason: 'rejected', detail: expect.stringMatching(/64 bytes/) });
    expect(fake.calls).toEqual([]);
  });

  it('rejects an address of another channel', async () => {
    expect(await sender.send({ channel: 'zalo', chatId: '42' }, ANSWER)).toMatchObject({ ok: false, reason: 'rejected' });
    expect(fake.calls).toEqual([]);
  });
});

describe('the bot’s API client', () => {
  it('retries a call other than a queued send after a 429, waiting its retry_after', async () => {
    const bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot, botInfo: FAKE_BOT_USER });
    fake.fail('getMe', 1, { kind: 'rate_limit', retryAfter: 1 });
    const started = Date.now();
    await expect(bot.api.getMe()).resolves.toMatchObject({ id: FAKE_BOT_USER.id });
    expect(fake.callsTo('getMe')).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('never retries a send itself, whatever its retries', async () => {
    const bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot, botInfo: FAKE_BOT_USER });
    fake.fail('sendMessage', 1, { kind: 'rate_limit', retryAfter: 1 });
    expect(await createTelegramSender(bot.api).send(CHAT, ANSWER)).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
  });
});

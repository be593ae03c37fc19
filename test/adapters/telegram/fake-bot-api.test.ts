// The fake must behave like the Bot API where the adapter relies on it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeBotApi, type FakeBotApi } from '../../fakes/telegram-bot-api.ts';
import { textUpdate } from './updates.ts';

let fake: FakeBotApi;

beforeEach(async () => {
  fake = await startFakeBotApi();
});

afterEach(async () => {
  await fake.close();
});

const call = async (method: string, init?: RequestInit, token = fake.token) => {
  const response = await fetch(`${fake.apiRoot}/bot${token}/${method}`, { method: 'POST', ...init });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('fake Telegram Bot API', () => {
  it('reads form bodies, JSON-encoded fields included', async () => {
    const body = new URLSearchParams({ chat_id: '42', text: 'chào', reply_markup: '{"inline_keyboard":[]}' });
    expect((await call('sendMessage', { body })).body).toMatchObject({ ok: true, result: { chat: { id: 42 }, text: 'chào' } });
    expect(fake.callsTo('sendMessage')).toEqual([{ chat_id: 42, text: 'chào', reply_markup: { inline_keyboard: [] } }]);
  });

  it('refuses a wrong token with 401 and unknown paths with 404', async () => {
    expect(await call('getMe', {}, 'nope')).toEqual({ status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } });
    expect((await fetch(`${fake.apiRoot}/getMe`)).status).toBe(404);
  });

  it('serves getUpdates from the queue, forgetting updates below the offset', async () => {
    fake.queueUpdates(textUpdate(1, 'a'), textUpdate(2, 'b'));
    const json = (params: object) => ({ body: JSON.stringify(params), headers: { 'content-type': 'application/json' } });
    const ids = async (params: object) => ((await call('getUpdates', json(params))).body.result as { update_id: number }[]).map((u) => u.update_id);
    expect(await ids({})).toEqual([1, 2]);
    expect(await ids({ offset: 2 })).toEqual([2]);
    expect(await ids({})).toEqual([2]);
    expect(await ids({ offset: 3, limit: 10 })).toEqual([]);
  });
});

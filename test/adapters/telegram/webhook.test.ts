import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { telegramWebhook } from '../../../adapters/telegram/webhook.ts';
import type { Admit, Incoming } from '../../../src/kernel/messages.ts';
import { callbackUpdate, editedUpdate, textUpdate } from './updates.ts';

const SECRET = 'webhook_Secret-123';

let app: FastifyInstance;
let url: string;
let admitted: Incoming[];
let admit: Admit;
let answered: string[];
let answerCallbackQuery: (id: string) => Promise<unknown>;

// A store in miniature: remembers update ids, as the real admit does.
function dedupingAdmit(): Admit {
  const seen = new Set<string>();
  return async (incoming) => {
    admitted.push(incoming);
    if (seen.has(incoming.updateId)) return 'duplicate';
    seen.add(incoming.updateId);
    return 'accepted';
  };
}

beforeEach(async () => {
  admitted = [];
  answered = [];
  admit = dedupingAdmit();
  answerCallbackQuery = async (id) => answered.push(id);
  app = Fastify();
  await app.register(telegramWebhook, {
    secret: SECRET,
    admit: (incoming) => admit(incoming),
    onCallbackQuery: (id) => answerCallbackQuery(id),
  });
  url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/telegram/webhook`;
});

afterEach(async () => {
  await app.close();
});

/** secret null: no header at all. */
function post(body: unknown, secret: string | null = SECRET): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== null) headers['x-telegram-bot-api-secret-token'] = secret;
  return fetch(url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

describe('Telegram webhook', () => {
  it('admits a text message, then answers 200', async () => {
    const response = await post(textUpdate(100, 'cấp lại căn cước'));
    expect(response.status).toBe(200);
    expect(admitted).toEqual([expect.objectContaining({ updateId: '100', text: 'cấp lại căn cước', address: { channel: 'telegram', chatId: '42' } })]);
  });

  it('answers 200 only after admit resolved', async () => {
    let store!: () => void;
    admit = (incoming) => {
      admitted.push(incoming);
      return new Promise((resolve) => (store = () => resolve('accepted')));
    };
    let settled = false;
    const response = post(textUpdate(101, 'hello')).then((r) => ((settled = true), r));
    await vi.waitFor(() => expect(admitted).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    store();
    expect((await response).status).toBe(200);
  });

  it.each([
    ['a wrong secret', 'webhook_Secret-124'],
    ['a missing secret', null],
    ['an empty secret', ''],
    ['a secret differing in length', `${SECRET}x`],
  ])('refuses %s with 401 and does not admit', async (_, secret) => {
    const response = await post(textUpdate(102, 'hi'), secret);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ ok: false, error: 'unauthorized' });
    expect(admitted).toEqual([]);
  });

  it('checks the secret before reading the body', async () => {
    expect((await post('{not json', 'wrong')).status).toBe(401);
  });

  it.each([
    ['malformed JSON', '{"update_id": 1, "message": '],
    ['an update without update_id', { message: textUpdate(1, 'x').message }],
    ['a message without chat', { update_id: 1, message: { message_id: 1, date: 1, text: 'x' } }],
    ['a JSON string', '"update"'],
  ])('answers 400 to %s, without crashing or admitting', async (_, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: 'bad_request', reason: expect.any(String) });
    expect(admitted).toEqual([]);
    expect((await post(textUpdate(103, 'still alive'))).status).toBe(200);
  });

  it('answers 200 to updates it ignores, without admitting them', async () => {
    const response = await post(editedUpdate(104));
    expect([response.status, await response.json()]).toEqual([200, { ok: true }]);
    expect(admitted).toEqual([]);
  });

  it('answers 200 to a duplicate update and answers its callback query again', async () => {
    const pressed = callbackUpdate(105, 'm2.0');
    expect(await (await post(pressed)).json()).toEqual({ ok: true, status: 'accepted' });
    expect(await (await post(pressed)).json()).toEqual({ ok: true, status: 'duplicate' });
    expect(admitted.map((i) => [i.updateId, i.action])).toEqual([
      ['105', 'm2.0'],
      ['105', 'm2.0'],
    ]);
    await vi.waitFor(() => expect(answered).toEqual(['cq-105', 'cq-105']));
  });

  it('answers 503 when admit fails, so Telegram delivers again; the button is answered anyway', async () => {
    admit = async () => {
      throw new Error('store down');
    };
    const response = await post(callbackUpdate(106, 'm2.1'));
    expect([response.status, await response.json()]).toEqual([503, { ok: false, error: 'unavailable' }]);
    await vi.waitFor(() => expect(answered).toEqual(['cq-106']));
  });

  it('does not let a failing answerCallbackQuery affect the update', async () => {
    answerCallbackQuery = async () => {
      throw new Error('query is too old');
    };
    expect((await post(callbackUpdate(107, 'm2.2'))).status).toBe(200);
    expect(admitted).toHaveLength(1);
  });

  it('refuses a secret Telegram would not accept', async () => {
    const other = Fastify();
    await expect(other.register(telegramWebhook, { secret: 'has space', admit, onCallbackQuery: answerCallbackQuery }).ready()).rejects.toThrow(/secret/);
    await other.close();
  });
});

import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { zaloWebhook } from '../../../adapters/zalo/webhook.ts';
import type { Admit, Incoming } from '../../../src/kernel/messages.ts';

const SECRET = 'webhook-secret-0123456789';
const BOT = 'b0t1d';

const textUpdate = (id: string, text = 'lam cccd o dau') => ({
  event_name: 'message.text.received',
  message: { message_id: id, date: 1750316131602, text, chat: { id: 'chat-1' }, from: { id: 'chat-1', display_name: 'An' } },
});

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A real server on 127.0.0.1 with the plugin, and a fetch helper. */
async function serve(admit: Admit) {
  app = Fastify();
  await app.register(zaloWebhook, { secret: SECRET, botId: BOT, admit });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return async (body: string | object, headers: Record<string, string> = { 'x-bot-api-secret-token': SECRET, 'content-type': 'application/json' }) => {
    const response = await fetch(`${base}/zalo/webhook`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
}

function admitting(result: 'accepted' | 'duplicate' = 'accepted') {
  const seen: Incoming[] = [];
  const admit = vi.fn(async (incoming: Incoming) => {
    seen.push(incoming);
    return result;
  });
  return { admit, seen };
}

describe('zaloWebhook over HTTP', () => {
  it('admits a text update with the right secret, then answers 200', async () => {
    const { admit, seen } = admitting();
    const post = await serve(admit);
    const response = await post({ ok: true, result: textUpdate('m1') });
    expect(response).toEqual({ status: 200, json: { ok: true, status: 'accepted' } });
    expect(seen).toEqual([
      { address: { channel: 'zalo', chatId: 'chat-1' }, updateId: 'm1', text: 'lam cccd o dau', userName: 'An', receivedAt: 1750316131602 },
    ]);
  });

  it('answers 200 only once admit has resolved', async () => {
    let release!: () => void;
    const admit = vi.fn(() => new Promise<'accepted'>((resolve) => (release = () => resolve('accepted'))));
    const post = await serve(admit);
    let answered = false;
    const pending = post(textUpdate('m1')).then((r) => ((answered = true), r));
    await vi.waitFor(() => expect(admit).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 30));
    expect(answered).toBe(false);
    release();
    expect((await pending).status).toBe(200);
  });

  it.each([
    ['a wrong secret', { 'x-bot-api-secret-token': 'webhook-secret-0123456780', 'content-type': 'application/json' }],
    ['a shorter secret', { 'x-bot-api-secret-token': 'webhook', 'content-type': 'application/json' }],
    ['an empty secret', { 'x-bot-api-secret-token': '', 'content-type': 'application/json' }],
    ['no secret', { 'content-type': 'application/json' }],
  ])('refuses %s with 401 without admitting', async (_, headers) => {
    const { admit } = admitting();
    const post = await serve(admit);
    expect(await post(textUpdate('m1'), headers)).toEqual({ status: 401, json: { ok: false, error: 'unauthorized' } });
    expect(admit).not.toHaveBeenCalled();
  });

  it('checks the secret before looking at the body', async () => {
    const { admit } = admitting();
    const post = await serve(admit);
    expect((await post('{not json', { 'content-type': 'application/json' })).status).toBe(401);
  });

  it.each([
    ['broken JSON', '{"event_name": "message.text.received", '],
    ['an empty body', ''],
    ['JSON null', 'null'],
    ['an object that is not an update', { hello: 'world' }],
    ['a text event without chat', { event_name: 'message.text.received', message: { message_id: 'm1', text: 'x' } }],
  ])('answers %s with a small 400', async (_, body) => {
    const { admit } = admitting();
    const post = await serve(admit);
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ ok: false, error: 'bad_request' });
    expect(admit).not.toHaveBeenCalled();
  });

  it('reads JSON sent without a JSON content type', async () => {
    const { admit } = admitting();
    const post = await serve(admit);
    expect((await post(textUpdate('m1'), { 'x-bot-api-secret-token': SECRET, 'content-type': 'text/plain' })).status).toBe(200);
    expect(admit).toHaveBeenCalledOnce();
  });

  it('refuses a body over 1 MB', async () => {
    const { admit } = admitting();
    const post = await serve(admit);
    const response = await post(textUpdate('m1', 'x'.repeat(1_100_000)));
    expect(response.status).toBe(413);
    expect(admit).not.toHaveBeenCalled();
  });

  it.each([
    ['an image', { event_name: 'message.image.received', message: { message_id: 'm2', chat: { id: 'chat-1' }, photo_url: 'https://x/y.jpg' } }],
    ['an unknown event', { ok: true, result: { event_name: 'message.reaction.received' } }],
    ['the bot’s own echo', { event_name: 'message.text.received', message: { ...textUpdate('m3').message, from: { id: BOT } } }],
  ])('acknowledges %s with 200 without admitting', async (_, body) => {
    const { admit } = admitting();
    const post = await serve(admit);
    expect(await post(body)).toEqual({ status: 200, json: { ok: true } });
    expect(admit).not.toHaveBeenCalled();
  });

  it('answers a duplicate with 200', async () => {
    const { admit } = admitting('duplicate');
    const post = await serve(admit);
    expect(await post(textUpdate('m1'))).toEqual({ status: 200, json: { ok: true, status: 'duplicate' } });
  });

  it('answers 503 when admit fails, so Zalo may deliver again', async () => {
    const admit = vi.fn(async () => {
      throw new Error('store unreachable');
    });
    const post = await serve(admit);
    expect(await post(textUpdate('m1'))).toEqual({ status: 503, json: { ok: false, error: 'unavailable' } });
  });

  it('refuses to start with a secret Zalo would not accept', async () => {
    app = Fastify();
    app.register(zaloWebhook, { secret: 'short', botId: BOT, admit: admitting().admit });
    await expect(app.ready()).rejects.toThrow(/8–256/);
  });

  it('leaves other routes’ JSON parsing alone', async () => {
    app = Fastify();
    app.post('/other', async (request) => ({ echo: request.body }));
    await app.register(zaloWebhook, { path: '/hooks/zalo', secret: SECRET, botId: BOT, admit: admitting().admit });
    const other = await app.inject({ method: 'POST', url: '/other', payload: { a: 1 } });
    expect(other.json()).toEqual({ echo: { a: 1 } });
    const hook = await app.inject({ method: 'POST', url: '/hooks/zalo', headers: { 'x-bot-api-secret-token': SECRET }, payload: textUpdate('m1') });
    expect(hook.statusCode).toBe(200);
  });
});

import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_REPLAY_WINDOW_MS, zaloOaWebhook, type ZaloOaWebhookOptions } from '../../../adapters/zalo-oa/webhook.ts';
import type { Admit, Incoming } from '../../../src/kernel/messages.ts';
import { APP_ID, OA_ID, OA_SECRET_KEY, signOf, textEvent, USER_ID } from './events.ts';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

type Post = (raw: string, headers?: Record<string, string>) => Promise<{ status: number; json: Record<string, unknown> }>;

/** A real server on 127.0.0.1 with the plugin, and a helper that posts a raw body signed like Zalo unless told otherwise. */
/** When the sample events were sent (their timestamp). */
const EVENT_TIME = 1717061839659;

async function serve(admit: Admit, options: Partial<ZaloOaWebhookOptions> = {}): Promise<Post> {
  app = Fastify();
  // The sample events were sent at EVENT_TIME: the webhook's clock is set there.
  await app.register(zaloOaWebhook, { appId: APP_ID, oaSecretKey: OA_SECRET_KEY, oaId: OA_ID, admit, now: () => EVENT_TIME, ...options });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return async (raw, headers) => {
    const response = await fetch(`${base}${options.path ?? '/zalo-oa/webhook'}`, {
      method: 'POST',
      headers: headers ?? { 'content-type': 'application/json', 'x-zevent-signature': signed(raw) },
      body: raw,
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
}

/** Signs with the app_id and timestamp the body itself carries, as Zalo does. */
function signed(raw: string, secret = OA_SECRET_KEY): string {
  const { app_id, timestamp } = JSON.parse(raw) as { app_id: string; timestamp: string };
  return signOf(raw, app_id, timestamp, secret);
}

function admitting(result: 'accepted' | 'duplicate' = 'accepted') {
  const seen: Incoming[] = [];
  const admit = vi.fn(async (incoming: Incoming) => {
    seen.push(incoming);
    return result;
  });
  return { admit, seen };
}

const event = (id = 'm1', text?: string) => JSON.stringify(textEvent(id, text));

describe('zaloOaWebhook over HTTP', () => {
  it('admits a correctly signed text event, then answers 200', async () => {
    const { admit, seen } = admitting();
    const post = await serve(admit);
    expect(await post(event('e2a641af6661713b2874', 'Helo'))).toEqual({ status: 200, json: { ok: true, status: 'accepted' } });
    expect(seen).toEqual([
      { address: { channel: 'zalo-oa', chatId: USER_ID }, updateId: 'e2a641af6661713b2874', text: 'Helo', receivedAt: 1717061839659 },
    ]);
  });

  it('verifies the bytes as sent: spacing and \\u escapes Zalo may use are kept', async () => {
    const { admit, seen } = admitting();
    const post = await serve(admit);
    const raw = event('m1', 'làm căn cước ở đâu').replace('"text":', '"text" :  ').replace('à', '\\u00e0');
    expect((await post(raw)).status).toBe(200);
    expect(seen[0]?.text).toBe('làm căn cước ở đâu');
  });

  it('answers 200 only once admit has resolved', async () => {
    let release!: () => void;
    const admit = vi.fn(() => new Promise<'accepted'>((resolve) => (release = () => resolve('accepted'))));
    const post = await serve(admit);
    let answered = false;
    const pending = post(event()).then((r) => ((answered = true), r));
    await vi.waitFor(() => expect(admit).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 30));
    expect(answered).toBe(false);
    release();
    expect((await pending).status).toBe(200);
  });

  it.each([
    ['a wrong secret', (raw: string) => ({ 'content-type': 'application/json', 'x-zevent-signature': signed(raw, 'wrong-secret') })],
    ['the app secret instead of the OA secret', (raw: string) => ({ 'content-type': 'application/json', 'x-zevent-signature': signed(raw, 'fake-app-secret-key') })],
    ['no signature', () => ({ 'content-type': 'application/json' })],
    ['an empty signature', () => ({ 'content-type': 'application/json', 'x-zevent-signature': '' })],
  ])('refuses %s with 401 without admitting', async (_, headers) => {
    const { admit } = admitting();
    const post = await serve(admit);
    const raw = event();
    expect(await post(raw, headers(raw))).toEqual({ status: 401, json: { ok: false, error: 'unauthorized' } });
    expect(admit).not.toHaveBeenCalled();
  });

  it('refuses a body changed after signing', async () => {
    const { admit } = admitting();
    const post = await serve(admit);
    const headers = { 'content-type': 'application/json', 'x-zevent-signature': signed(event('m1', 'hello')) };
    expect((await post(event('m1', 'hellO'), headers)).status).toBe(401);
    expect(admit).not.toHaveBeenCalled();
  });

  it('refuses a correctly signed event for another app', async () => {
    const { admit } = admitting();
    const post = await serve(admit);
    expect((await post(JSON.stringify({ ...textEvent('m1'), app_id: '999' }))).status).toBe(401);
    expect(admit).not.toHaveBeenCalled();
  });

  it('checks for a signature before reading the body', async () => {
    const { admit } = admitting();
    const post = await serve(admit);
    expect((await post('{not json', { 'content-type': 'application/json' })).status).toBe(401);
  });

  it.each([
    ['broken JSON', '{"event_name": "user_send_text", '],
    ['an empty body', ''],
    ['a JSON array', '[1, 2]'],
    ['an event without app_id or timestamp', '{"event_name":"user_send_text"}'],
  ])('answers %s with a small 400', async (_, raw) => {
    const { admit } = admitting();
    const post = await serve(admit);
    const response = await post(raw, { 'content-type': 'application/json', 'x-zevent-signature': 'mac=00' });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ ok: false, error: 'bad_request' });
    expect(admit).not.toHaveBeenCalled();
  });

  it('answers a signed text event missing its msg_id with 400', async () => {
    const { admit } = admitting();
    const post = await serve(admit);
    const response = await post(JSON.stringify({ ...textEvent('m1'), message: { text: 'x' } }));
    expect(response).toMatchObject({ status: 400, json: { reason: expect.stringContaining('msg_id') } });
    expect(admit).not.toHaveBeenCalled();
  });

  it.each([
    ['the OA’s own echo', { ...textEvent('m1'), event_name: 'oa_send_text', sender: { id: OA_ID } }],
    ['an image', { ...textEvent('m1'), event_name: 'user_send_image' }],
    ['a follow', { app_id: APP_ID, event_name: 'follow', oa_id: OA_ID, follower: { id: USER_ID }, timestamp: '1717061839659' }],
  ])('acknowledges %s with 200 without admitting', async (_, body) => {
    const { admit } = admitting();
    const post = await serve(admit);
    expect(await post(JSON.stringify(body))).toEqual({ status: 200, json: { ok: true } });
    expect(admit).not.toHaveBeenCalled();
  });

  it('answers a duplicate with 200', async () => {
    const post = await serve(admitting('duplicate').admit);
    expect(await post(event())).toEqual({ status: 200, json: { ok: true, status: 'duplicate' } });
  });

  it('answers 503 when admit fails, so Zalo delivers again', async () => {
    const post = await serve(async () => {
      throw new Error('store unreachable');
    });
    expect(await post(event())).toEqual({ status: 503, json: { ok: false, error: 'unavailable' } });
  });

  it('refuses events outside the replay window when one is set', async () => {
    const { admit } = admitting();
    const now = () => EVENT_TIME + 10 * 60_000;
    expect((await (await serve(admit, { replayWindowMs: 5 * 60_000, now }))(event())).status).toBe(401);
    expect(admit).not.toHaveBeenCalled();
  });

  it('refuses by default an event older than the inbox remembers update ids (48 hours): a replay is not taken as new', async () => {
    const { admit } = admitting();
    expect((await (await serve(admit, { now: () => EVENT_TIME + DEFAULT_REPLAY_WINDOW_MS - 60_000 }))(event())).status).toBe(200);
    expect((await (await serve(admit, { now: () => EVENT_TIME + DEFAULT_REPLAY_WINDOW_MS + 60_000 }))(event())).status).toBe(401);
    expect(admit).toHaveBeenCalledTimes(1);
  });

  it('leaves other routes’ JSON parsing alone', async () => {
    app = Fastify();
    app.post('/other', async (request) => ({ echo: request.body }));
    await app.register(zaloOaWebhook, { path: '/hooks/oa', appId: APP_ID, oaSecretKey: OA_SECRET_KEY, admit: admitting().admit, now: () => EVENT_TIME });
    expect((await app.inject({ method: 'POST', url: '/other', payload: { a: 1 } })).json()).toEqual({ echo: { a: 1 } });
    const raw = event();
    const hook = await app.inject({ method: 'POST', url: '/hooks/oa', headers: { 'content-type': 'application/json', 'x-zevent-signature': signed(raw) }, payload: raw });
    expect(hook.statusCode).toBe(200);
  });

  it('refuses to start without its secrets', async () => {
    app = Fastify();
    app.register(zaloOaWebhook, { appId: APP_ID, oaSecretKey: '', admit: admitting().admit });
    await expect(app.ready()).rejects.toThrow(/oaSecretKey/);
  });
});

import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZaloApiError, ZaloClient, type ZaloClientOptions } from '../../../adapters/zalo/client.ts';
import { FakeZaloBotApi } from '../../fakes/zalo-bot-api.ts';

let fake: FakeZaloBotApi;
let sleeps: number[];

beforeEach(async () => {
  fake = await FakeZaloBotApi.start();
  sleeps = [];
});
afterEach(() => fake.close());

function client(options: Partial<ZaloClientOptions> = {}): ZaloClient {
  return new ZaloClient({
    token: fake.token,
    apiRoot: fake.apiRoot,
    sleep: async (ms) => void sleeps.push(ms),
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<ZaloApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZaloApiError);
  return error as ZaloApiError;
}

function expectNoToken(error: Error, token: string) {
  for (const text of [error.message, String(error), error.stack ?? '', JSON.stringify(error)]) {
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.split(':')[1]);
  }
}

describe('ZaloClient against the fake Bot Platform', () => {
  it('posts JSON to /bot<token>/<method> and unwraps the envelope (duplicate Server header tolerated)', async () => {
    await expect(client().getMe()).resolves.toEqual({ id: fake.botId, name: 'motcua_test_bot' });
    const sent = await client().sendMessage('chat-1', 'Xin chào');
    expect(sent.messageId).toMatch(/^[0-9a-f]{20}$/);
    expect(sent.date).toBeTypeOf('number');
    expect(fake.callsOf('sendMessage')[0]?.body).toEqual({ chat_id: 'chat-1', text: 'Xin chào' });
    await client().sendChatAction('chat-1');
    expect(fake.callsOf('sendChatAction')[0]?.body).toEqual({ chat_id: 'chat-1', action: 'typing' });
  });

  it('returns the single queued update from getUpdates and nothing on 408', async () => {
    const update = { event_name: 'message.text.received', message: { message_id: 'm1' } };
    fake.queueUpdate(update);
    await expect(client().getUpdates({ timeoutSeconds: 1 })).resolves.toEqual([update]);
    expect(fake.callsOf('getUpdates')[0]?.body).toEqual({ timeout: '1' });
    await expect(client().getUpdates({ timeoutSeconds: 1 })).resolves.toEqual([]); // HTTP 408
    fake.failNext('getUpdates', { errorCode: 408, httpStatus: 200 });
    await expect(client().getUpdates({ timeoutSeconds: 1 })).resolves.toEqual([]); // 408 inside a 200
    expect(sleeps).toEqual([]);
  });

  it('manages the webhook: 404 from getWebhookInfo means none', async () => {
    const c = client();
    await expect(c.getWebhookInfo()).resolves.toBeUndefined();
    const set = await c.setWebhook({ url: 'https://motcua.example.vn/zalo/webhook', secretToken: 'a-secret-of-24-characters' });
    expect(set.url).toBe('https://motcua.example.vn/zalo/webhook');
    await expect(c.getWebhookInfo()).resolves.toMatchObject({ url: 'https://motcua.example.vn/zalo/webhook' });
    await c.deleteWebhook();
    await expect(c.getWebhookInfo()).resolves.toBeUndefined();
  });

  it.each([
    ['http URL', 'http://motcua.example.vn/hook', 'long-enough-secret'],
    ['relative URL', '/zalo/webhook', 'long-enough-secret'],
    ['7-character secret', 'https://motcua.example.vn/hook', 'short77'],
    ['257-character secret', 'https://motcua.example.vn/hook', 'x'.repeat(257)],
  ])('setWebhook refuses a %s before calling Zalo', async (_, url, secretToken) => {
    await expect(client().setWebhook({ url, secretToken })).rejects.toBeInstanceOf(RangeError);
    expect(fake.calls).toEqual([]);
  });

  it('refuses text outside 1–2000 characters before calling Zalo', async () => {
    await expect(client().sendMessage('chat-1', '')).rejects.toBeInstanceOf(RangeError);
    await expect(client().sendMessage('chat-1', 'a'.repeat(2001))).rejects.toBeInstanceOf(RangeError);
    expect(fake.calls).toEqual([]);
  });

  it.each([
    ['429', { errorCode: 429, description: 'Quota exceeded' }],
    ['500', { errorCode: 500, description: 'Internal Server Error' }],
    ['403 (documented as an internal error)', { errorCode: 403, description: 'Internal server error' }],
  ])('retries %s with backoff, then succeeds', async (_, scripted) => {
    fake.failNext('getMe', scripted, 2);
    await expect(client().getMe()).resolves.toBeDefined();
    expect(fake.callsOf('getMe')).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  it('gives up after maxRetries with a typed, retryable error', async () => {
    fake.failNext('getMe', { errorCode: 429, description: 'Quota exceeded' }, 5);
    const error = await failure(client({ maxRetries: 2, retryBaseMs: 100, retryMaxMs: 150 }).getMe());
    expect(error).toMatchObject({ kind: 'rate_limited', code: 429, retryable: true, method: 'getMe', description: 'Quota exceeded' });
    expect(fake.callsOf('getMe')).toHaveLength(3);
    expect(sleeps).toEqual([100, 150]);
  });

  it('sends a message once: a retryable failure goes back to the delivery layer, which retries sends', async () => {
    fake.failNext('sendMessage', { errorCode: 429, description: 'Quota exceeded' });
    expect(await failure(client().sendMessage('chat-1', 'Xin chào'))).toMatchObject({ kind: 'rate_limited', retryable: true });
    expect(fake.callsOf('sendMessage')).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('does not retry a 400, even inside an HTTP 200', async () => {
    fake.failNext('sendMessage', { errorCode: 400, description: 'Bad Request', httpStatus: 200 });
    expect(await failure(client().sendMessage('chat-1', 'Xin chào'))).toMatchObject({ kind: 'bad_request', retryable: false });
    expect(fake.callsOf('sendMessage')).toHaveLength(1);
  });

  it('treats 401 as fatal: no retry, and the token is not in the error', async () => {
    const wrongToken = '999:wrong-token-value';
    const error = await failure(client({ token: wrongToken }).getMe());
    expect(error).toMatchObject({ kind: 'auth', code: 401, retryable: false });
    expect(fake.calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expectNoToken(error, wrongToken);
  });

  it('redacts the token even when Zalo echoes it in the description', async () => {
    fake.failNext('getMe', { errorCode: 400, description: `invalid request for bot${fake.token}/getMe` });
    const error = await failure(client().getMe());
    expect(error.message).toContain('<token>');
    expectNoToken(error, fake.token);
  });

  it('times out a request that never answers, retries it, and keeps the token out', async () => {
    fake.failNext('getMe', 'timeout');
    await expect(client({ timeoutMs: 100 }).getMe()).resolves.toMatchObject({ id: fake.botId });
    expect(sleeps).toHaveLength(1);

    fake.failNext('getMe', 'timeout');
    const error = await failure(client({ timeoutMs: 100, maxRetries: 0 }).getMe());
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    expectNoToken(error, fake.token);
  });

  it('retries a dropped connection as a network error', async () => {
    fake.failNext('getMe', 'reset');
    await expect(client().getMe()).resolves.toMatchObject({ id: fake.botId });
    expect(fake.callsOf('getMe')).toHaveLength(2);
  });

  it('reports an unreachable server as a network error without the token', async () => {
    const port = await freePort();
    const error = await failure(client({ apiRoot: `http://127.0.0.1:${port}`, maxRetries: 1 }).getMe());
    expect(error).toMatchObject({ kind: 'network', retryable: true });
    expect(error.message).toContain('ECONNREFUSED');
    expect(sleeps).toEqual([500]);
    expectNoToken(error, fake.token);
  });

  it('passes the caller’s abort through instead of retrying', async () => {
    fake.failNext('getUpdates', 'timeout');
    const controller = new AbortController();
    const pending = client().getUpdates({ timeoutSeconds: 30, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(sleeps).toEqual([]);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

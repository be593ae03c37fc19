import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ZaloOaClient, ZaloOaError, ZaloOaOAuth, type AccessTokens } from '../../../adapters/zalo-oa/client.ts';
import { FakeZaloOaApi, type FakeOaFailure } from '../../fakes/zalo-oa-api.ts';
import { USER_ID } from './events.ts';

let fake: FakeZaloOaApi;
beforeEach(async () => {
  fake = await FakeZaloOaApi.start();
});
afterEach(() => fake.close());

/** Tokens that hand out the fake's first pair, and a refreshed one when asked. */
function fixedTokens(): AccessTokens & { renewals: string[] } {
  const renewals: string[] = [];
  let current = fake.initial.accessToken;
  return {
    renewals,
    accessToken: async () => current,
    renewAfterExpired: async (stale) => {
      renewals.push(stale);
      current = (await oauth().refresh(fake.initial.refreshToken)).accessToken;
      return current;
    },
  };
}

function client(tokens: AccessTokens = fixedTokens(), apiRoot = fake.root) {
  return new ZaloOaClient({ tokens, apiRoot, timeoutMs: 1_000 });
}

function oauth(options: { appSecretKey?: string; oauthRoot?: string } = {}) {
  return new ZaloOaOAuth({ appId: fake.appId, appSecretKey: options.appSecretKey ?? fake.appSecretKey, oauthRoot: options.oauthRoot ?? fake.root, timeoutMs: 1_000 });
}

async function failure(promise: Promise<unknown>): Promise<ZaloOaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZaloOaError);
  return error as ZaloOaError;
}

function expectNoSecret(error: Error, ...secrets: string[]) {
  for (const text of [error.message, String(error), error.stack ?? '', JSON.stringify(error)]) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
}

/** A port nothing listens on. */
async function closedPortRoot(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe('ZaloOaClient.sendText', () => {
  it('posts a customer-service message with the access token in its own header', async () => {
    expect(await client().sendText(USER_ID, 'Xin chào')).toEqual({ messageId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const [call] = fake.sends();
    expect(call?.headers.access_token).toBe(fake.initial.accessToken);
    expect(call?.headers.authorization).toBeUndefined();
    expect(call?.body).toEqual({ recipient: { user_id: USER_ID }, message: { text: 'Xin chào' } });
  });

  it.each<[string, FakeOaFailure, string, boolean]>([
    ['-230 (no interaction in 7 days)', { error: -230, message: 'User has not interacted with the OA in the past 7 days' }, 'window_closed', false],
    ['-213 (no interaction in 48 h)', { error: -213 }, 'window_closed', false],
    ['-201 (not a follower)', { error: -201 }, 'window_closed', false],
    ['-224 (OA tier lacks the feature)', { error: -224 }, 'rejected', false],
    ['HTTP 500', { error: -1, httpStatus: 500 }, 'unavailable', true],
    ['HTTP 503 with error 0', { error: 0, httpStatus: 503 }, 'unavailable', true],
    ['HTTP 429', { error: -32, httpStatus: 429 }, 'rate_limited', true],
    ['a dropped connection', 'reset', 'unavailable', true],
  ])('maps %s to %s', async (_, scripted, kind, retryable) => {
    fake.failNextSend(scripted);
    const error = await failure(client().sendText(USER_ID, 'Xin chào'));
    expect({ kind: error.kind, retryable: error.retryable, operation: error.operation }).toEqual({ kind, retryable, operation: 'sendText' });
    expect(fake.sentTexts()).toEqual([]);
  });

  it('maps an unreachable API to unavailable', async () => {
    const error = await failure(client(fixedTokens(), await closedPortRoot()).sendText(USER_ID, 'Xin chào'));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('refreshes once on -217 and sends again with the new token', async () => {
    const tokens = fixedTokens();
    fake.expireAccessTokens();
    expect(await client(tokens).sendText(USER_ID, 'Xin chào')).toMatchObject({ messageId: expect.any(String) });
    expect(tokens.renewals).toEqual([fake.initial.accessToken]);
    expect(fake.sends().map((call) => call.headers.access_token)).toEqual([fake.initial.accessToken, expect.not.stringMatching(fake.initial.accessToken)]);
    expect(fake.sentTexts()).toEqual(['Xin chào']);
  });

  it('gives up when the new token is refused as well, without looping', async () => {
    const tokens: AccessTokens = { accessToken: async () => 'stale-1', renewAfterExpired: vi.fn(async () => 'stale-2') };
    const error = await failure(client(tokens).sendText(USER_ID, 'Xin chào'));
    expect(error.kind).toBe('token_expired');
    expect(tokens.renewAfterExpired).toHaveBeenCalledOnce();
    expect(fake.sends()).toHaveLength(2);
    expectNoSecret(error, 'stale-1', 'stale-2');
  });

  it('refuses text Zalo would refuse, before calling', async () => {
    await expect(client().sendText(USER_ID, '')).rejects.toThrow(RangeError);
    await expect(client().sendText(USER_ID, 'x'.repeat(2001))).rejects.toThrow(/1–2000/);
    await expect(client().sendText('', 'x')).rejects.toThrow(/user id/);
    expect(fake.calls).toEqual([]);
  });
});

describe('ZaloOaOAuth.refresh', () => {
  it('posts the form with the app secret in the secret_key header and reads expires_in given as a string', async () => {
    const pair = await oauth().refresh(fake.initial.refreshToken);
    expect(pair).toEqual({ accessToken: expect.stringMatching(/^access-/), refreshToken: expect.stringMatching(/^refresh-/), expiresInS: 90_000 });
    const [call] = fake.refreshCalls();
    expect(call?.headers.secret_key).toBe(fake.appSecretKey);
    expect(call?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(call?.body).toEqual({ app_id: fake.appId, grant_type: 'refresh_token', refresh_token: fake.initial.refreshToken });
  });

  it('reads expires_in given as a number', async () => {
    await fake.close();
    fake = await FakeZaloOaApi.start({ expiresInS: 3600, expiresInType: 'number' });
    expect((await oauth().refresh(fake.initial.refreshToken)).expiresInS).toBe(3600);
  });

  it('calls a spent refresh token refresh_invalid, and keeps it out of the message', async () => {
    await oauth().refresh(fake.initial.refreshToken);
    const error = await failure(oauth().refresh(fake.initial.refreshToken));
    expect({ kind: error.kind, code: error.code, retryable: error.retryable }).toEqual({ kind: 'refresh_invalid', code: -118, retryable: false });
    expect(error.message).toContain('Invalid refresh token');
    expectNoSecret(error, fake.initial.refreshToken, fake.appSecretKey);
  });

  it.each([-220, -14020])('calls error %i refresh_invalid too', async (code) => {
    fake.failNextRefresh({ error: code });
    expect((await failure(oauth().refresh(fake.initial.refreshToken))).kind).toBe('refresh_invalid');
  });

  it('calls a wrong app secret rejected (the refresh token is not spent)', async () => {
    const error = await failure(oauth({ appSecretKey: 'wrong-app-secret' }).refresh(fake.initial.refreshToken));
    expect(error.kind).toBe('rejected');
    expectNoSecret(error, 'wrong-app-secret', fake.initial.refreshToken);
  });

  it.each<[string, FakeOaFailure, string]>([
    ['HTTP 502', { error: -1, httpStatus: 502 }, 'unavailable'],
    ['a dropped connection', 'reset', 'unavailable'],
  ])('maps %s to %s', async (_, scripted, kind) => {
    fake.failNextRefresh(scripted);
    expect((await failure(oauth().refresh(fake.initial.refreshToken))).kind).toBe(kind);
  });

  it('maps an unreachable OAuth server to unavailable without the token in the message', async () => {
    const error = await failure(oauth({ oauthRoot: await closedPortRoot() }).refresh(fake.initial.refreshToken));
    expect(error.kind).toBe('unavailable');
    expectNoSecret(error, fake.initial.refreshToken, fake.appSecretKey);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZaloOaClient, ZaloOaError, ZaloOaOAuth } from '../../../adapters/zalo-oa/client.ts';
import { OaTokenManager, type OaTokenManagerOptions, type StoredTokens } from '../../../adapters/zalo-oa/tokens.ts';
import type { Store } from '../../../src/store/store.ts';
import { FakeZaloOaApi } from '../../fakes/zalo-oa-api.ts';
import { backendMakers, sqliteBackend, type Backend } from '../../store/backends.ts';
import { memoryLog, OA_ID, USER_ID } from './events.ts';

const MINUTE = 60_000;

let fake: FakeZaloOaApi;
let backend: Backend;
let log: ReturnType<typeof memoryLog>;

afterEach(async () => {
  await fake.close();
  await backend.cleanup();
});

function manager(store: Store, options: Partial<OaTokenManagerOptions> = {}): OaTokenManager {
  const oauth = new ZaloOaOAuth({ appId: fake.appId, appSecretKey: fake.appSecretKey, oauthRoot: fake.root, timeoutMs: 2_000 });
  return new OaTokenManager({ store, oaId: OA_ID, oauth, log, waitStepMs: 5, ...options });
}

const stored = (store: Store) => store.get<StoredTokens>('oa-tokens', OA_ID);

/** Seeds the fake's first pair as one that expires `inMs` from now. */
async function seedExpiring(tokens: OaTokenManager, inMs: number): Promise<void> {
  expect(await tokens.seed({ ...fake.initial, expiresAt: Date.now() + inMs })).toBe('seeded');
}

describe('OaTokenManager on one store', () => {
  let store: Store;
  beforeEach(async () => {
    fake = await FakeZaloOaApi.start();
    backend = sqliteBackend();
    store = await backend.open();
    log = memoryLog();
  });

  it('hands out the stored token while it is fresh, without refreshing', async () => {
    const tokens = manager(store);
    await seedExpiring(tokens, 60 * MINUTE);
    expect(await tokens.accessToken()).toBe(fake.initial.accessToken);
    expect(await tokens.status()).toEqual({ state: 'ok', expiresAt: expect.any(Number) });
    expect(fake.refreshCalls()).toEqual([]);
  });

  it('refreshes within the safety margin before expiry and stores the new pair whole', async () => {
    const tokens = manager(store);
    await seedExpiring(tokens, 4 * MINUTE); // inside the default 5-minute margin
    const before = Date.now();
    const fresh = await tokens.accessToken();
    expect(fresh).not.toBe(fake.initial.accessToken);
    expect(fake.refreshes).toBe(1);
    const pair = await stored(store);
    expect(pair).toMatchObject({ accessToken: fresh, refreshToken: expect.not.stringMatching(fake.initial.refreshToken) });
    expect(pair!.expiresAt).toBeGreaterThanOrEqual(before + 90_000 * 1000);
    // The next call uses it as it is.
    expect(await tokens.accessToken()).toBe(fresh);
    expect(fake.refreshes).toBe(1);
  });

  it('follows its clock: the same pair is refreshed once the clock nears its expiry', async () => {
    let now = Date.now();
    const tokens = manager(store, { now: () => now, refreshMarginMs: MINUTE });
    await seedExpiring(tokens, 30 * MINUTE);
    expect(await tokens.accessToken()).toBe(fake.initial.accessToken);
    now += 29.5 * MINUTE;
    expect(await tokens.accessToken()).not.toBe(fake.initial.accessToken);
    expect(fake.refreshes).toBe(1);
  });

  it('refreshes on first use when seeded with a refresh token only', async () => {
    const tokens = manager(store);
    await tokens.seed({ refreshToken: fake.initial.refreshToken });
    expect(await tokens.accessToken()).toMatch(/^access-/);
    expect(fake.refreshes).toBe(1);
  });

  it('on -217, refreshes and sends again once', async () => {
    const tokens = manager(store);
    await seedExpiring(tokens, 60 * MINUTE);
    fake.expireAccessTokens();
    const client = new ZaloOaClient({ tokens, apiRoot: fake.root });
    expect(await client.sendText(USER_ID, 'Xin chào')).toMatchObject({ messageId: expect.any(String) });
    expect(fake.refreshes).toBe(1);
    expect(fake.sends()).toHaveLength(2);
    expect(fake.sentTexts()).toEqual(['Xin chào']);
    expect((await stored(store))?.accessToken).toBe(fake.sends()[1]?.headers.access_token);
  });

  it('shares one refresh among concurrent callers in one process', async () => {
    const tokens = manager(store);
    await seedExpiring(tokens, MINUTE);
    const got = await Promise.all(Array.from({ length: 10 }, () => tokens.accessToken()));
    expect(new Set(got).size).toBe(1);
    expect(fake.refreshes).toBe(1);
  });

  it('marks the OA as needing re-consent when the refresh token was already spent, and tells the IT officer', async () => {
    const tokens = manager(store);
    await seedExpiring(tokens, MINUTE);
    // Someone else (an old deployment, a test script) spent the refresh token.
    await new ZaloOaOAuth({ appId: fake.appId, appSecretKey: fake.appSecretKey, oauthRoot: fake.root }).refresh(fake.initial.refreshToken);

    const error = await tokens.accessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloOaError);
    expect(error).toMatchObject({ kind: 'refresh_invalid', code: -118 });
    expect(await tokens.status()).toEqual({ state: 'needs_reconsent', since: expect.any(Number), code: -118 });

    const [line] = log.lines.filter((l) => l.level === 'error');
    expect(line?.message).toMatch(/IT officer: .*grant the app access again.*ZALO_OA_REFRESH_TOKEN.*restart/);
    expect(log.text()).not.toContain(fake.initial.refreshToken);
    expect(log.text()).not.toContain(fake.initial.accessToken);

    // Later calls fail at once, without spending anything at Zalo.
    const calls = fake.refreshCalls().length;
    await expect(tokens.accessToken()).rejects.toMatchObject({ kind: 'refresh_invalid' });
    expect(fake.refreshCalls()).toHaveLength(calls);
  });

  it('keeps a stored pair over the configured one (which has been spent since)', async () => {
    const tokens = manager(store);
    await seedExpiring(tokens, MINUTE);
    const fresh = await tokens.accessToken();
    expect(await manager(store).seed({ ...fake.initial })).toBe('kept');
    expect((await stored(store))?.accessToken).toBe(fresh);
  });

  it('takes a new configured pair after re-consent, but not the old one again', async () => {
    const tokens = manager(store);
    await tokens.seed({ refreshToken: 'refresh-never-issued' });
    await expect(tokens.accessToken()).rejects.toMatchObject({ kind: 'refresh_invalid' });
    expect(await tokens.seed({ refreshToken: 'refresh-never-issued' })).toBe('kept');

    expect(await tokens.seed({ ...fake.initial, expiresAt: Date.now() + 60 * MINUTE })).toBe('seeded');
    expect(await tokens.status()).toMatchObject({ state: 'ok' });
    expect(await tokens.accessToken()).toBe(fake.initial.accessToken);
  });

  it('says what to configure when the store holds no pair', async () => {
    await expect(manager(store).accessToken()).rejects.toThrow(/ZALO_OA_REFRESH_TOKEN/);
    expect(await manager(store).status()).toEqual({ state: 'missing' });
  });

  it('takes over the lock of an instance that crashed while refreshing, once its lease is up', async () => {
    const tokens = manager(store, { lockLeaseMs: 300 });
    await seedExpiring(tokens, MINUTE);
    expect(await store.claim('oa-token-refresh', OA_ID, 'crashed-instance', 300)).toBe(true);
    const started = Date.now();
    expect(await tokens.accessToken()).toMatch(/^access-/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(fake.refreshes).toBe(1);
  });

  it('releases the lock when a refresh fails, so the next call can try again', async () => {
    const tokens = manager(store);
    await seedExpiring(tokens, MINUTE);
    fake.failNextRefresh({ error: -1, httpStatus: 502 });
    await expect(tokens.accessToken()).rejects.toMatchObject({ kind: 'unavailable' });
    expect(await tokens.accessToken()).toMatch(/^access-/);
  });
});

describe.each(backendMakers)('two instances on %s', (_name, makeBackend) => {
  beforeEach(async () => {
    // The refresh takes a while, so the second instance arrives while the first is at Zalo.
    fake = await FakeZaloOaApi.start({ refreshDelayMs: 150 });
    backend = makeBackend();
    log = memoryLog();
  });

  it('asked at the same moment with an expiring token: exactly one refresh, both get the new token', async () => {
    const first = manager(await backend.open());
    const second = manager(await backend.open());
    await seedExpiring(first, MINUTE);

    const got = await Promise.all([first.accessToken(), second.accessToken(), first.accessToken(), second.accessToken()]);
    expect(fake.refreshCalls()).toHaveLength(1);
    expect(fake.refreshes).toBe(1);
    expect(new Set(got).size).toBe(1);
    expect(got[0]).not.toBe(fake.initial.accessToken);
    expect((await stored(await backend.open()))?.accessToken).toBe(got[0]);
  });

  it('both told -217 at the same moment: exactly one refresh', async () => {
    const first = manager(await backend.open());
    const second = manager(await backend.open());
    await seedExpiring(first, 60 * MINUTE);
    fake.expireAccessTokens();

    const clients = [first, second].map((tokens) => new ZaloOaClient({ tokens, apiRoot: fake.root }));
    await Promise.all(clients.map((client, i) => client.sendText(USER_ID, `tin ${i}`)));
    expect(fake.refreshes).toBe(1);
    expect(fake.sentTexts().sort()).toEqual(['tin 0', 'tin 1']);
  });
});

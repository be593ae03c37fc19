// The OA's access/refresh token pair, kept in the Store so that every app instance uses
// the same one. Refresh tokens are single-use: two refreshes with the same token burn the
// pair, so at most one instance refreshes at a time (a lock claimed in the store) and the
// others wait for the new pair to appear instead of refreshing themselves.
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Store } from '../../src/store/store.ts';
import type { DebugLog } from '../../src/kernel/log.ts';
import { ASSUMED_LIFETIME_S, ZaloOaError, type AccessTokens, type ZaloOaOAuth } from './client.ts';

const TOKENS = 'oa-tokens';
const REFRESH_LOCK = 'oa-token-refresh';

/** What the store keeps under (oa-tokens, OA id); written whole, in one set. */
export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires, ms since the epoch. */
  expiresAt: number;
  /** Fingerprint of the configured refresh token this pair descends from (see seed). */
  seededFrom: string;
  /** Zalo refused the refresh token: nothing can be sent until the OA owner consents again. */
  needsReconsent?: { since: number; code?: number };
}

export type TokenStatus = { state: 'missing' } | { state: 'ok'; expiresAt: number } | { state: 'needs_reconsent'; since: number; code?: number };

/** The pair from the configuration (ZALO_OA_REFRESH_TOKEN, ZALO_OA_ACCESS_TOKEN). */
export interface InitialTokens {
  refreshToken: string;
  /** Without it the first use refreshes. */
  accessToken?: string;
  /** When accessToken expires; default: ASSUMED_LIFETIME_S from seeding (a -217 corrects a wrong guess). */
  expiresAt?: number;
}

export interface OaTokenManagerOptions {
  store: Store;
  /** The OA id: the key of its pair and of its refresh lock. */
  oaId: string;
  oauth: Pick<ZaloOaOAuth, 'refresh'>;
  log: DebugLog;
  /** Refresh this long before the access token expires. Default 5 min. */
  refreshMarginMs?: number;
  /** How long the refresh lock lasts if its holder crashes; must exceed one refresh call. Default 60 s. */
  lockLeaseMs?: number;
  /** Pause between looks at the store while another instance refreshes. Default 100 ms. */
  waitStepMs?: number;
  now?: () => number;
}

export class OaTokenManager implements AccessTokens {
  readonly #store: Store;
  readonly #oaId: string;
  readonly #oauth: Pick<ZaloOaOAuth, 'refresh'>;
  readonly #log: DebugLog;
  readonly #marginMs: number;
  readonly #leaseMs: number;
  readonly #stepMs: number;
  readonly #now: () => number;
  // Callers in this process that need a new token while one is being fetched share it.
  #renewing: Promise<string> | undefined;

  constructor(options: OaTokenManagerOptions) {
    this.#store = options.store;
    this.#oaId = options.oaId;
    this.#oauth = options.oauth;
    this.#log = options.log;
    this.#marginMs = options.refreshMarginMs ?? 5 * 60_000;
    this.#leaseMs = options.lockLeaseMs ?? 60_000;
    this.#stepMs = options.waitStepMs ?? 100;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Stores the configured pair when the store has none, or when the stored one needs
   * re-consent and the configuration now holds a different refresh token (the IT
   * officer's fix). Otherwise the stored pair wins: the configured one has been spent.
   * Runs under the refresh lock so it can never overwrite a pair being rotated.
   */
  async seed(initial: InitialTokens): Promise<'seeded' | 'kept'> {
    const fingerprint = fingerprintOf(initial.refreshToken);
    return this.#locked(async () => {
      const current = await this.#read();
      if (current && !(current.needsReconsent && current.seededFrom !== fingerprint)) return 'kept';
      const now = this.#now();
      await this.#write({
        accessToken: initial.accessToken ?? '',
        refreshToken: initial.refreshToken,
        expiresAt: initial.accessToken ? (initial.expiresAt ?? now + ASSUMED_LIFETIME_S * 1000) : 0,
        seededFrom: fingerprint,
      });
      this.#log.info({ oaId: this.#oaId }, 'zalo oa: token pair seeded from the configuration');
      return 'seeded';
    });
  }

  async accessToken(): Promise<string> {
    const current = await this.#read();
    if (current?.needsReconsent) throw this.#reconsentError(current.needsReconsent);
    if (current && this.#fresh(current)) return current.accessToken;
    return this.#renew(current?.accessToken);
  }

  async renewAfterExpired(stale: string): Promise<string> {
    return this.#renew(stale);
  }

  /** For health checks: never includes a token. */
  async status(): Promise<TokenStatus> {
    const current = await this.#read();
    if (!current) return { state: 'missing' };
    if (current.needsReconsent) return { state: 'needs_reconsent', ...current.needsReconsent };
    return { state: 'ok', expiresAt: current.expiresAt };
  }

  #renew(stale: string | undefined): Promise<string> {
    this.#renewing ??= this.#renewOnce(stale).finally(() => {
      this.#renewing = undefined;
    });
    return this.#renewing;
  }

  /** A token newer than `stale`: refreshed under the lock, or the one another instance just stored. */
  async #renewOnce(stale: string | undefined): Promise<string> {
    const newer = (tokens: StoredTokens | undefined): tokens is StoredTokens =>
      tokens !== undefined && !tokens.needsReconsent && this.#fresh(tokens) && tokens.accessToken !== stale;
    return this.#locked(
      async () => {
        // Re-read under the lock: another instance may have refreshed since we looked.
        const current = await this.#read();
        return newer(current) ? current.accessToken : this.#refresh(current);
      },
      async () => {
        const current = await this.#read();
        if (current?.needsReconsent) throw this.#reconsentError(current.needsReconsent);
        return newer(current) ? current.accessToken : undefined;
      },
    );
  }

  /** Spends the stored refresh token; call only while holding the lock. */
  async #refresh(current: StoredTokens | undefined): Promise<string> {
    if (!current) {
      throw new ZaloOaError('refresh', 'rejected', `Zalo OA ${this.#oaId}: no token pair in the store; configure ZALO_OA_REFRESH_TOKEN`);
    }
    if (current.needsReconsent) throw this.#reconsentError(current.needsReconsent);
    let pair;
    try {
      pair = await this.#oauth.refresh(current.refreshToken);
    } catch (error) {
      if (error instanceof ZaloOaError && error.kind === 'refresh_invalid') await this.#markReconsent(current, error);
      throw error;
    }
    const next: StoredTokens = {
      accessToken: pair.accessToken,
      refreshToken: pair.refreshToken,
      expiresAt: this.#now() + pair.expiresInS * 1000,
      seededFrom: current.seededFrom,
    };
    try {
      await this.#write(next);
    } catch (err) {
      // The old refresh token is spent and the new one exists only in this process now.
      this.#log.error({ err, oaId: this.#oaId }, 'zalo oa: refreshed tokens could not be stored; if this persists the OA will need re-consent');
      throw err;
    }
    this.#log.info({ oaId: this.#oaId, expiresAt: new Date(next.expiresAt).toISOString() }, 'zalo oa: access token refreshed');
    return next.accessToken;
  }

  async #markReconsent(current: StoredTokens, error: ZaloOaError): Promise<void> {
    const needsReconsent = { since: this.#now(), ...(error.code === undefined ? {} : { code: error.code }) };
    await this.#write({ ...current, needsReconsent });
    this.#log.error(
      { oaId: this.#oaId, code: error.code },
      `zalo oa: Zalo refused the refresh token (${error.message}); the bot cannot send on OA ${this.#oaId} until it is fixed. ` +
        'IT officer: have an OA administrator grant the app access again (OAuth v4 consent, or the API Explorer on developers.zalo.me), ' +
        'put the new pair in ZALO_OA_REFRESH_TOKEN and ZALO_OA_ACCESS_TOKEN, and restart the server.',
    );
  }

  /**
   * Runs `fn` holding the OA's refresh lock. While another instance holds it, asks
   * `whileWaiting` after each pause whether the wait is over (a value ends it).
   */
  async #locked<T>(fn: () => Promise<T>, whileWaiting?: () => Promise<T | undefined>): Promise<T> {
    // A token of our own, so that we never release a lock that expired and was taken by another instance.
    const owner = randomUUID();
    // A crashed holder's lease has run out by then, so the claim below succeeds.
    const deadline = Date.now() + this.#leaseMs + this.#stepMs;
    while (!(await this.#store.claim(REFRESH_LOCK, this.#oaId, owner, this.#leaseMs))) {
      if (Date.now() > deadline) {
        throw new ZaloOaError('refresh', 'unavailable', `Zalo OA ${this.#oaId}: the token refresh lock is still held after ${this.#leaseMs} ms`);
      }
      await sleep(this.#stepMs);
      const done = await whileWaiting?.();
      if (done !== undefined) return done;
    }
    try {
      return await fn();
    } finally {
      await this.#store.release(REFRESH_LOCK, this.#oaId, owner);
    }
  }

  #fresh(tokens: StoredTokens): boolean {
    return tokens.expiresAt - this.#marginMs > this.#now();
  }

  #reconsentError(state: { since: number; code?: number }): ZaloOaError {
    const since = new Date(state.since).toISOString();
    return new ZaloOaError('refresh', 'refresh_invalid', `Zalo OA ${this.#oaId}: needs re-consent since ${since} (refresh error ${state.code ?? 'unknown'})`, state.code);
  }

  #read(): Promise<StoredTokens | undefined> {
    return this.#store.get<StoredTokens>(TOKENS, this.#oaId);
  }

  #write(tokens: StoredTokens): Promise<void> {
    return this.#store.set(TOKENS, this.#oaId, tokens);
  }
}

/** Identifies a configured refresh token without keeping a second copy of it. */
function fingerprintOf(refreshToken: string): string {
  return createHash('sha256').update(refreshToken).digest('hex').slice(0, 16);
}

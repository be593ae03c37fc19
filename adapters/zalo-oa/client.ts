// A small typed client for the Zalo OA Open API v3 (customer-service messages) and its
// OAuth v4 token endpoint. Zalo often answers failures with HTTP 200 and a non-zero
// `error` in the body, so the body decides. Tokens travel in headers and form fields
// only, and every message that leaves this module has them redacted.
import { z } from 'zod';
import { PostFailed, postJson, type PostOptions, type Posted } from '../shared/post-json.ts';

export const DEFAULT_API_ROOT = 'https://openapi.zalo.me';
export const DEFAULT_OAUTH_ROOT = 'https://oauth.zaloapp.com';
/** Zalo's limit for one OA text message. */
export const TEXT_LIMIT = 2000;
/** Assumed access-token lifetime when Zalo does not say: the shortest one reported (channels.md §2.1). */
export const ASSUMED_LIFETIME_S = 3600;

/**
 * window_closed: the citizen has not written within the interaction window; wait for their next message.
 * token_expired: the access token is expired or invalid; refresh and retry once.
 * refresh_invalid: the refresh token is used up or revoked; the OA owner must consent again.
 * rate_limited, unavailable: transient (429, 5xx, network, timeout, unreadable answer).
 * rejected: this call will not succeed as it is (bad request, missing permission, wrong secret).
 */
export type ZaloOaErrorKind = 'window_closed' | 'token_expired' | 'refresh_invalid' | 'rate_limited' | 'unavailable' | 'rejected';

export type ZaloOaOperation = 'sendText' | 'refresh';

export class ZaloOaError extends Error {
  override readonly name = 'ZaloOaError';
  readonly retryable: boolean;

  constructor(
    readonly operation: ZaloOaOperation,
    readonly kind: ZaloOaErrorKind,
    message: string,
    /** Zalo's `error` code from the body, or the HTTP status when the body had none. */
    readonly code?: number,
  ) {
    super(message);
    this.retryable = kind === 'rate_limited' || kind === 'unavailable';
  }
}

// -213/-201: older "no interaction in 48 h / not a follower"; -230: "not interacted in the past 7 days".
const WINDOW_CLOSED: ReadonlySet<number> = new Set([-213, -230, -201]);
// -217 per channels.md; -216 (and HTTP 401) per a later integration note. channels.md reads
// -216 as a missing permission: then the one retry fails alike and the send fails as token_expired.
const TOKEN_EXPIRED: ReadonlySet<number> = new Set([-217, -216, 401]);
// -118/-220 per channels.md; -14020 is what OAuth v4 is reported to answer for a reused token.
const REFRESH_INVALID: ReadonlySet<number> = new Set([-118, -220, -14020]);

/** What the client needs from the token manager (tokens.ts implements it). */
export interface AccessTokens {
  /** A token that is valid for a while yet. */
  accessToken(): Promise<string>;
  /** Zalo refused `stale` as expired: a newer token, refreshed unless someone already has. */
  renewAfterExpired(stale: string): Promise<string>;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token is valid from now. */
  expiresInS: number;
}

export interface ZaloOaSent {
  messageId?: string;
}

interface HttpOptions {
  /** Per-request timeout. Default 10 s. */
  timeoutMs?: number;
}

export interface ZaloOaClientOptions extends HttpOptions {
  tokens: AccessTokens;
  /** Defaults to DEFAULT_API_ROOT; tests point it at a local fake (ZALO_OA_API_ROOT). */
  apiRoot?: string;
}

export interface ZaloOaOAuthOptions extends HttpOptions {
  appId: string;
  /** The app Secret Key (developers.zalo.me), not the OA Secret Key that signs webhooks. */
  appSecretKey: string;
  /** Defaults to DEFAULT_OAUTH_ROOT (ZALO_OA_OAUTH_ROOT). */
  oauthRoot?: string;
}

const code = z.union([z.number(), z.string().regex(/^-?\d+$/).transform(Number)]);
const seconds = z.union([z.number().positive(), z.string().regex(/^\d+$/).transform(Number)]);
const opaqueId = z.union([z.string().min(1), z.number()]).transform(String);

const apiAnswerSchema = z.object({
  error: code,
  message: z.string().optional(),
  data: z.object({ message_id: opaqueId.optional() }).passthrough().optional(),
});
const tokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: seconds.optional(),
});
const oauthErrorSchema = z.object({
  error: code.optional(),
  error_name: z.string().optional(),
  error_reason: z.string().optional(),
  error_description: z.string().optional(),
});

/** Customer-service messages, sent with whatever access token `tokens` gives. */
export class ZaloOaClient {
  readonly apiRoot: string;
  readonly #tokens: AccessTokens;
  readonly #timeoutMs: number;

  constructor(options: ZaloOaClientOptions) {
    this.#tokens = options.tokens;
    this.apiRoot = trimRoot(options.apiRoot ?? DEFAULT_API_ROOT);
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  /**
   * Plain text, 1–2000 characters, to a user id from a webhook's sender.id. An expired
   * token is refreshed and the send tried once more; other failures are thrown as they are.
   */
  async sendText(userId: string, text: string): Promise<ZaloOaSent> {
    if (!userId) throw new RangeError('Zalo OA sendText: user id is empty');
    if (text.length < 1 || text.length > TEXT_LIMIT) {
      throw new RangeError(`Zalo OA sendText: text must be 1–${TEXT_LIMIT} characters, got ${text.length}`);
    }
    const body = { recipient: { user_id: userId }, message: { text } };
    const token = await this.#tokens.accessToken();
    try {
      return await this.#send(token, body);
    } catch (error) {
      if (!(error instanceof ZaloOaError) || error.kind !== 'token_expired') throw error;
      return this.#send(await this.#tokens.renewAfterExpired(token), body);
    }
  }

  async #send(token: string, body: object): Promise<ZaloOaSent> {
    const { status, json } = await post('sendText', `${this.apiRoot}/v3.0/oa/message/cs`, {
      headers: { 'content-type': 'application/json', access_token: token },
      body: JSON.stringify(body),
      timeoutMs: this.#timeoutMs,
      secrets: [token],
    });
    const answer = apiAnswerSchema.safeParse(json);
    if (!answer.success) {
      const kind = TOKEN_EXPIRED.has(status) ? 'token_expired' : unreadableKind(status);
      throw new ZaloOaError('sendText', kind, `Zalo OA sendText: HTTP ${status} without a readable answer`, status);
    }
    const { error, message, data } = answer.data;
    if (error === 0 && status < 300) return data?.message_id === undefined ? {} : { messageId: data.message_id };
    const errorCode = error !== 0 ? error : status;
    const kind = WINDOW_CLOSED.has(errorCode) ? 'window_closed' : TOKEN_EXPIRED.has(errorCode) ? 'token_expired' : (transientKind(status) ?? 'rejected');
    throw new ZaloOaError('sendText', kind, `Zalo OA sendText: error ${errorCode}${message ? ` (${redact(message, [token])})` : ''}`, errorCode);
  }
}

/** The OAuth v4 token endpoint: turns a refresh token into a new pair. */
export class ZaloOaOAuth {
  readonly oauthRoot: string;
  readonly #appId: string;
  readonly #appSecretKey: string;
  readonly #timeoutMs: number;

  constructor(options: ZaloOaOAuthOptions) {
    if (!options.appId || !options.appSecretKey) throw new TypeError('Zalo OA OAuth: app id and app secret key are required');
    this.#appId = options.appId;
    this.#appSecretKey = options.appSecretKey;
    this.oauthRoot = trimRoot(options.oauthRoot ?? DEFAULT_OAUTH_ROOT);
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  /**
   * Refresh tokens are single-use: once this call reaches Zalo the old one is spent,
   * so the caller must store the returned pair before anything else.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const secrets = [refreshToken, this.#appSecretKey];
    const { status, json } = await post('refresh', `${this.oauthRoot}/v4/oa/access_token`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: this.#appSecretKey },
      body: new URLSearchParams({ app_id: this.#appId, grant_type: 'refresh_token', refresh_token: refreshToken }).toString(),
      timeoutMs: this.#timeoutMs,
      secrets,
    });
    const pair = tokenAnswerSchema.safeParse(json);
    if (pair.success && status < 300) {
      const { access_token, refresh_token, expires_in } = pair.data;
      return { accessToken: access_token, refreshToken: refresh_token, expiresInS: expires_in ?? ASSUMED_LIFETIME_S };
    }
    const failure = oauthErrorSchema.safeParse(json);
    const said = failure.success ? failure.data : {};
    if (said.error === undefined && said.error_name === undefined && said.error_reason === undefined) {
      throw new ZaloOaError('refresh', unreadableKind(status), `Zalo OA refresh: HTTP ${status} without a token pair or an error`, status);
    }
    const errorCode = said.error !== undefined && said.error !== 0 ? said.error : status;
    const reason = redact([said.error_name, said.error_reason ?? said.error_description].filter(Boolean).join(': '), secrets);
    const kind = REFRESH_INVALID.has(errorCode) ? 'refresh_invalid' : (transientKind(status) ?? 'rejected');
    throw new ZaloOaError('refresh', kind, `Zalo OA refresh: error ${errorCode}${reason ? ` (${reason})` : ''}`, errorCode);
  }
}

interface OaPostOptions extends Omit<PostOptions, 'signal'> {
  /** Values that must not appear in an error message. */
  secrets: string[];
}

/** One POST; network failures and timeouts become `unavailable` errors, any answer is returned (body undefined unless JSON). */
async function post(operation: ZaloOaOperation, url: string, options: OaPostOptions): Promise<Posted> {
  try {
    return await postJson(url, options);
  } catch (error) {
    const what = error instanceof PostFailed && !error.timedOut ? `network error: ${error.message}` : error instanceof Error ? error.message : String(error);
    throw new ZaloOaError(operation, 'unavailable', redact(`Zalo OA ${operation}: ${what}`, options.secrets));
  }
}

/** 429 and 5xx are transient whatever the body says. */
function transientKind(status: number): ZaloOaErrorKind | undefined {
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'unavailable';
  return undefined;
}

/** No readable answer: a 2xx may or may not have worked (retry later); otherwise judge by the status. */
function unreadableKind(status: number): ZaloOaErrorKind {
  return transientKind(status) ?? (status < 300 ? 'unavailable' : 'rejected');
}

function redact(text: string, secrets: readonly string[]): string {
  return secrets.filter(Boolean).reduce((result, secret) => result.replaceAll(secret, '<redacted>'), text);
}

function trimRoot(root: string): string {
  return root.replace(/\/+$/, '');
}

// A small typed client for the Zalo Bot Platform: every method is a POST with a JSON
// body to `${apiRoot}/bot${token}/${method}`, answered with an
// `{ ok, result, error_code, description }` envelope. The token sits in the URL path,
// so every error message goes through redact() before it leaves this module.
import { z } from 'zod';
import { exponentialRetry, type RetryPolicy } from '../../src/kernel/retry.ts';
import { sleep as realSleep, type Sleep } from './sleep.ts';
import { PostFailed, postJson, type Posted } from '../shared/post-json.ts';

export const DEFAULT_API_ROOT = 'https://bot-api.zaloplatforms.com';
/** Zalo's limit for one text message. */
export const TEXT_LIMIT = 2000;
const JSON_HEADERS = { 'content-type': 'application/json' };

export type ZaloMethod = 'getMe' | 'getUpdates' | 'setWebhook' | 'deleteWebhook' | 'getWebhookInfo' | 'sendMessage' | 'sendChatAction';

/**
 * auth: bad token, fatal until an operator fixes the configuration.
 * rate_limited, server, timeout, network: transient, retried with backoff.
 * bad_request, not_found, bad_response: retrying the same call will not help.
 */
export type ZaloErrorKind = 'auth' | 'rate_limited' | 'server' | 'timeout' | 'network' | 'bad_request' | 'not_found' | 'bad_response';

const RETRYABLE: ReadonlySet<ZaloErrorKind> = new Set(['rate_limited', 'server', 'timeout', 'network']);

export class ZaloApiError extends Error {
  override readonly name = 'ZaloApiError';
  readonly retryable: boolean;

  constructor(
    readonly method: ZaloMethod,
    readonly kind: ZaloErrorKind,
    message: string,
    /** The envelope's error_code, or the HTTP status when there was no envelope. */
    readonly code?: number,
    /** The envelope's description (token redacted). */
    readonly description?: string,
  ) {
    super(message);
    this.retryable = RETRYABLE.has(kind);
  }
}

export interface ZaloClientOptions {
  token: string;
  /** Defaults to DEFAULT_API_ROOT; tests point it at a local fake. */
  apiRoot?: string;
  /** Per-request timeout; getUpdates adds its long-poll wait on top. Default 10 s. */
  timeoutMs?: number;
  /** Extra attempts after a retryable failure. Default 2. */
  maxRetries?: number;
  /** First backoff delay, doubled per retry up to retryMaxMs. Defaults 500 ms and 5 s. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  sleep?: Sleep;
}

export interface ZaloBotInfo {
  /** The bot's user id; messages whose from.id equals it are the bot's own echo. */
  id: string;
  name?: string;
}

export interface ZaloWebhookInfo {
  url: string;
  updatedAt?: number;
}

export interface ZaloSentMessage {
  messageId?: string;
  date?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

const opaqueId = z.union([z.string().min(1), z.number()]).transform(String);
const millis = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

const envelopeSchema = z.object({
  ok: z.boolean(),
  result: z.unknown().optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
});
const botInfoSchema = z.object({
  id: opaqueId,
  // The doc copy says account_name; other clients see display_name or name.
  account_name: z.string().optional(),
  display_name: z.string().optional(),
  name: z.string().optional(),
});
const webhookInfoSchema = z.object({ url: z.string(), updated_at: millis.optional() });
const sentMessageSchema = z.object({ message_id: opaqueId.optional(), date: millis.optional() });

export class ZaloClient {
  readonly apiRoot: string;
  readonly #token: string;
  readonly #timeoutMs: number;
  readonly #retry: RetryPolicy;
  readonly #sleep: Sleep;

  constructor(options: ZaloClientOptions) {
    if (!options.token) throw new TypeError('Zalo client: token is empty');
    this.#token = options.token;
    this.apiRoot = (options.apiRoot ?? DEFAULT_API_ROOT).replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#retry = exponentialRetry((options.maxRetries ?? 2) + 1, options.retryBaseMs ?? 500, options.retryMaxMs ?? 5_000);
    this.#sleep = options.sleep ?? realSleep;
  }

  async getMe(options: CallOptions = {}): Promise<ZaloBotInfo> {
    const info = this.#parse('getMe', botInfoSchema, await this.#call('getMe', {}, options));
    const name = info.display_name ?? info.account_name ?? info.name;
    return name === undefined ? { id: info.id } : { id: info.id, name };
  }

  /**
   * Long-polls for the next update: Zalo returns at most one per call and consumes it
   * when it answers (there is no offset). Returns the raw updates for translateUpdate:
   * none when the poll expired (error 408) or the result is empty.
   */
  async getUpdates(options: CallOptions & { timeoutSeconds?: number } = {}): Promise<unknown[]> {
    const timeoutSeconds = options.timeoutSeconds ?? 30;
    const result = await this.#call('getUpdates', { timeout: String(timeoutSeconds) }, options, {
      absentOn: 408,
      timeoutMs: timeoutSeconds * 1000 + this.#timeoutMs,
    });
    if (result === undefined || result === null) return [];
    // Documented as one object; accept an array too, as other clients do.
    return (Array.isArray(result) ? result : [result]).filter((update) => update !== null && typeof update === 'object');
  }

  /** Webhook and getUpdates exclude each other: setting a webhook stops polling. */
  async setWebhook(params: { url: string; secretToken: string }, options: CallOptions = {}): Promise<ZaloWebhookInfo> {
    if (!isHttpsUrl(params.url)) throw new RangeError('Zalo setWebhook: url must be an absolute https:// URL');
    const length = params.secretToken.length;
    if (length < 8 || length > 256) throw new RangeError(`Zalo setWebhook: secret token must be 8–256 characters, got ${length}`);
    const result = await this.#call('setWebhook', { url: params.url, secret_token: params.secretToken }, options);
    return webhookInfo(this.#parse('setWebhook', webhookInfoSchema, result));
  }

  async deleteWebhook(options: CallOptions = {}): Promise<void> {
    await this.#call('deleteWebhook', {}, options);
  }

  /** The registered webhook, or undefined when none is set (Zalo answers 404 then). */
  async getWebhookInfo(options: CallOptions = {}): Promise<ZaloWebhookInfo | undefined> {
    const result = await this.#call('getWebhookInfo', {}, options, { absentOn: 404 });
    if (result === undefined) return undefined;
    const info = this.#parse('getWebhookInfo', webhookInfoSchema, result);
    return info.url ? webhookInfo(info) : undefined;
  }

  /** Plain text, 1–2000 characters; render and split longer replies first (translate.ts). */
  async sendMessage(chatId: string, text: string, options: CallOptions = {}): Promise<ZaloSentMessage> {
    if (!chatId) throw new RangeError('Zalo sendMessage: chat id is empty');
    if (text.length < 1 || text.length > TEXT_LIMIT) {
      throw new RangeError(`Zalo sendMessage: text must be 1–${TEXT_LIMIT} characters, got ${text.length}`);
    }
    // Sent once: the delivery layer retries a send, and knows when to give up and keep it queued.
    const result = await this.#call('sendMessage', { chat_id: chatId, text }, options, { once: true });
    // The message is out; an odd result shape must not turn it into a failure (and a resend).
    const sent = sentMessageSchema.safeParse(result);
    if (!sent.success) return {};
    return { messageId: sent.data.message_id, date: sent.data.date };
  }

  /** Shows "typing…" to the citizen while an answer is prepared. */
  async sendChatAction(chatId: string, action: 'typing' = 'typing', options: CallOptions = {}): Promise<void> {
    await this.#call('sendChatAction', { chat_id: chatId, action }, options);
  }

  /** Calls a method, retrying transient failures with exponential backoff (unless `how.once`). */
  async #call(method: ZaloMethod, body: object, options: CallOptions, how: AttemptOptions = {}): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#attempt(method, body, options.signal, how);
      } catch (error) {
        if (!(error instanceof ZaloApiError) || !error.retryable || how.once || attempt >= this.#retry.maxAttempts) throw error;
        await this.#sleep(this.#retry.delayMs(attempt), options.signal);
      }
    }
  }

  async #attempt(method: ZaloMethod, body: object, signal: AbortSignal | undefined, how: AttemptOptions): Promise<unknown> {
    const timeoutMs = how.timeoutMs ?? this.#timeoutMs;
    let posted: Posted;
    try {
      posted = await postJson(`${this.apiRoot}/bot${this.#token}/${method}`, { headers: JSON_HEADERS, body: JSON.stringify(body), timeoutMs, ...(signal ? { signal } : {}) });
    } catch (error) {
      // The caller's abort is not a failure of the API: postJson passes it through unchanged.
      if (!(error instanceof PostFailed)) throw error;
      if (error.timedOut) throw new ZaloApiError(method, 'timeout', `Zalo ${method}: ${error.message}`);
      throw new ZaloApiError(method, 'network', this.#redact(`Zalo ${method}: network error: ${error.message}`));
    }
    const { status, json } = posted;

    const envelope = envelopeSchema.safeParse(json);
    if (envelope.success && envelope.data.ok) return envelope.data.result;

    const code = envelope.success ? (envelope.data.error_code ?? status) : status;
    if (code === how.absentOn) return undefined;
    if (!envelope.success) {
      // A proxy's HTML error page or a truncated body: judge by the HTTP status alone.
      const kind = status >= 200 && status < 300 ? 'bad_response' : kindOf(status);
      throw new ZaloApiError(method, kind, `Zalo ${method}: HTTP ${status} without a valid envelope`, status);
    }
    const description = envelope.data.description === undefined ? undefined : this.#redact(envelope.data.description);
    const message = `Zalo ${method}: error ${code}${description ? ` (${description})` : ''}`;
    throw new ZaloApiError(method, kindOf(code), message, code, description);
  }

  #parse<T>(method: ZaloMethod, schema: z.ZodType<T, z.ZodTypeDef, unknown>, result: unknown): T {
    const parsed = schema.safeParse(result);
    if (!parsed.success) throw new ZaloApiError(method, 'bad_response', `Zalo ${method}: unexpected result shape`);
    return parsed.data;
  }

  /** The token is a credential: no message that leaves the client may contain it. */
  #redact(text: string): string {
    return text.replaceAll(this.#token, '<token>').replaceAll(encodeURIComponent(this.#token), '<token>');
  }
}

interface AttemptOptions {
  /** The error code that means "nothing there" for this method: answered as undefined. */
  absentOn?: number;
  /** Not retried here (a send: its caller retries). */
  once?: boolean;
  timeoutMs?: number;
}

function kindOf(code: number): ZaloErrorKind {
  if (code === 401) return 'auth';
  if (code === 429) return 'rate_limited';
  if (code === 404) return 'not_found';
  if (code === 408) return 'timeout';
  // Zalo's error-code page lists 403 as "Internal server error": retry it like a 5xx.
  if (code === 403 || code >= 500) return 'server';
  if (code >= 400) return 'bad_request';
  return 'server';
}

function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

function webhookInfo(info: z.infer<typeof webhookInfoSchema>): ZaloWebhookInfo {
  return info.updated_at === undefined ? { url: info.url } : { url: info.url, updatedAt: info.updated_at };
}

// The grammY Bot the adapter talks to Telegram through. Only its API client is
// used: updates are received by our own webhook route and polling loop, so that
// nothing is acknowledged before it is stored (grammY's handlers answer in-request).
import { setTimeout as delay } from 'node:timers/promises';
import { Bot, HttpError, type Api, type Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';

/** Waits `ms`; rejects when `signal` aborts. Injected in tests to record waits without waiting. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) => delay(ms, undefined, { signal });

// grammY's Node typings use the `abort-controller` polyfill's AbortSignal; at run
// time grammY only needs addEventListener, so native signals are passed as they are.
type GrammySignal = NonNullable<Parameters<Api['getUpdates']>[1]>;
export const toGrammySignal = (signal: AbortSignal) => signal as unknown as GrammySignal;
const fromGrammySignal = (signal: GrammySignal | undefined) => signal as unknown as AbortSignal | undefined;

export interface RetryOptions {
  /** Calls per API method call, the first included. */
  maxAttempts?: number;
  /** First backoff after a 5xx or network error; doubles on each further attempt. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A longer 429 `retry_after` is returned to the caller at once instead of blocking it. */
  maxRetryAfterSeconds?: number;
  sleep?: Sleep;
}

export interface TelegramBotOptions {
  token: string;
  /** TELEGRAM_API_ROOT: a self-hosted Bot API server, or the fake in tests. No trailing slash. */
  apiRoot?: string;
  /** Skips the getMe call grammY would otherwise make on init. */
  botInfo?: UserFromGetMe;
  retry?: RetryOptions;
}

export function createTelegramBot(options: TelegramBotOptions): Bot {
  const bot = new Bot(options.token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: {
      ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
      // grammY's default is 500 s; a hung call should fail (and be retried) much sooner.
      // Must stay above the long-poll duration of getUpdates (polling.ts).
      timeoutSeconds: 60,
    },
  });
  bot.api.config.use(retryTransformer(options.retry));
  return bot;
}

/**
 * Retries Bot API calls: after a 429 it waits `retry_after` seconds (the only
 * correct handling, per Telegram), after a 5xx or a network error it backs off
 * exponentially. After `maxAttempts` the last answer or error goes to the caller.
 */
function retryTransformer(options: RetryOptions = {}): Transformer {
  const { maxAttempts = 4, baseDelayMs = 1_000, maxDelayMs = 10_000, maxRetryAfterSeconds = 30, sleep = realSleep } = options;
  const backoff = (attempt: number) => Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  return async (prev, method, payload, signal) => {
    for (let attempt = 1; ; attempt++) {
      let waitMs: number;
      try {
        const response = await prev(method, payload, signal);
        if (response.ok || attempt >= maxAttempts) return response;
        const retryAfter = response.parameters?.retry_after;
        if (response.error_code === 429 && retryAfter !== undefined && retryAfter <= maxRetryAfterSeconds) waitMs = retryAfter * 1_000;
        else if (response.error_code >= 500) waitMs = backoff(attempt);
        else return response;
      } catch (error) {
        // An abort is the caller stopping, not a network failure.
        if (!(error instanceof HttpError) || signal?.aborted || attempt >= maxAttempts) throw error;
        waitMs = backoff(attempt);
      }
      await sleep(waitMs, fromGrammySignal(signal));
    }
  };
}

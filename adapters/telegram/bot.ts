// The grammY Bot the adapter talks to Telegram through. Only its API client is
// used: updates are received by our own webhook route and polling loop, so that
// nothing is acknowledged before it is stored (grammY's handlers answer in-request).
import { setTimeout as delay } from 'node:timers/promises';
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, type Api, type Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';

/** Waits `ms`; rejects when `signal` aborts. Injected in tests to record waits without waiting. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) => delay(ms, undefined, { signal });

// grammY's Node typings use the `abort-controller` polyfill's AbortSignal; at run
// time grammY only needs addEventListener, so native signals are passed as they are.
type GrammySignal = NonNullable<Parameters<Api['getUpdates']>[1]>;
export const toGrammySignal = (signal: AbortSignal) => signal as unknown as GrammySignal;

export interface TelegramBotOptions {
  token: string;
  /** TELEGRAM_API_ROOT: a self-hosted Bot API server, or the fake in tests. No trailing slash. */
  apiRoot?: string;
  /** Skips the getMe call grammY would otherwise make on init. */
  botInfo?: UserFromGetMe;
  /** Retries of a failed call other than a queued send (see QUEUED_SENDS). Default 3; tests use 0. */
  retries?: number;
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
  bot.api.config.use(exceptQueuedSends(autoRetry({ maxRetryAttempts: options.retries ?? 3, maxDelaySeconds: MAX_RETRY_AFTER_SECONDS })));
  return bot;
}

/**
 * Messages to citizens and posts to the staff group are sent from durable queues whose
 * delivery retries them (and lets go of the chat while waiting): retried here too, one
 * reply could cost many calls and hold its chat past the lock's time.
 */
const QUEUED_SENDS: ReadonlySet<string> = new Set(['sendMessage', 'editMessageText', 'editMessageReplyMarkup']);
/** A longer 429 `retry_after` fails the call at once instead of blocking it. */
const MAX_RETRY_AFTER_SECONDS = 30;

function exceptQueuedSends(retrying: Transformer): Transformer {
  return (prev, method, payload, signal) => (QUEUED_SENDS.has(method) ? prev(method, payload, signal) : retrying(prev, method, payload, signal));
}

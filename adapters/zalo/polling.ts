// Long-polling mode, for development without a public HTTPS URL. getUpdates has no
// offset: Zalo considers an update delivered once it has answered, so each update is
// admitted (stored durably) before the next poll, and admission is retried rather
// than dropped.
import type { Admit } from '../../src/kernel/messages.ts';
import { exponentialRetry } from '../../src/kernel/retry.ts';
import { sleep as realSleep, type Sleep } from './sleep.ts';
import { ZaloApiError, type ZaloClient } from './client.ts';
import { translateUpdate } from './translate.ts';
import type { DebugLog } from '../../src/kernel/log.ts';


export interface ZaloPollingOptions {
  client: Pick<ZaloClient, 'getMe' | 'getWebhookInfo' | 'deleteWebhook' | 'getUpdates'>;
  admit: Admit;
  /** Abort to stop: the promise then resolves once the current step has ended. */
  signal: AbortSignal;
  log: DebugLog;
  /** Long-poll wait per getUpdates call. Default 30 s. */
  pollTimeoutSeconds?: number;
  /** Backoff after a failed poll or admission: doubles from base up to max. Defaults 1 s and 30 s. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  sleep?: Sleep;
  /** Clock for updates that carry no date; default Date.now. */
  now?: () => number;
}

/**
 * Resolves when `signal` aborts; rejects on a fatal error (bad token, or a failure
 * while checking the bot and its webhook at start).
 */
export async function runZaloPolling(options: ZaloPollingOptions): Promise<void> {
  const { client, signal, log, pollTimeoutSeconds = 30, backoffBaseMs = 1_000, backoffMaxMs = 30_000 } = options;
  // Waiting ends early on abort; the loops below then see signal.aborted.
  const backoff = exponentialRetry(Infinity, backoffBaseMs, backoffMaxMs);
  const sleep = options.sleep ?? realSleep;
  const pause = (attempt: number) => sleep(backoff.delayMs(attempt + 1), signal).catch(() => undefined);

  const botId = await prepare(options);
  if (botId === undefined) return;
  log.info({ botId }, 'zalo polling: started');
  let failures = 0;
  while (!signal.aborted) {
    let updates: unknown[];
    try {
      updates = await client.getUpdates({ signal, timeoutSeconds: pollTimeoutSeconds });
      failures = 0;
    } catch (err) {
      if (signal.aborted) break;
      if (err instanceof ZaloApiError && err.kind === 'auth') throw err;
      log.warn({ err, failures }, 'zalo polling: getUpdates failed; backing off');
      await pause(failures++);
      continue;
    }
    for (const update of updates) await admitUntilStored(update, botId, options, pause);
  }
  log.info({}, 'zalo polling: stopped');
}

/** The bot's id, after removing a registered webhook; undefined when stopped meanwhile. */
async function prepare({ client, signal, log }: ZaloPollingOptions): Promise<string | undefined> {
  try {
    const botId = (await client.getMe({ signal })).id;
    // A registered webhook makes getUpdates return nothing (or 400), silently.
    const webhook = await client.getWebhookInfo({ signal });
    if (webhook) {
      log.warn({ url: webhook.url }, 'zalo polling: deleting the registered webhook (webhook and polling exclude each other)');
      await client.deleteWebhook({ signal });
    }
    return botId;
  } catch (error) {
    if (signal.aborted) return undefined;
    throw error;
  }
}

/** Admits one update, retrying until it is stored or polling stops. */
async function admitUntilStored(update: unknown, botId: string, { admit, signal, log, now = Date.now }: ZaloPollingOptions, pause: (attempt: number) => Promise<unknown>): Promise<void> {
  const translation = translateUpdate(update, { botId, now: now() });
  if (translation.kind === 'ignored') return log.debug({ reason: translation.reason }, 'zalo polling: update ignored');
  if (translation.kind === 'malformed') return log.warn({ reason: translation.reason }, 'zalo polling: malformed update dropped');
  const { incoming } = translation;
  for (let attempt = 0; ; attempt++) {
    try {
      await admit(incoming);
      return;
    } catch (err) {
      if (signal.aborted) return log.error({ err, updateId: incoming.updateId }, 'zalo polling: stopped before the update was stored; it is lost');
      log.error({ err, updateId: incoming.updateId, attempt }, 'zalo polling: admit failed; retrying');
      await pause(attempt);
    }
  }
}

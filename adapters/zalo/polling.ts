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
  const { client, admit, signal, log, pollTimeoutSeconds = 30, backoffBaseMs = 1_000, backoffMaxMs = 30_000, now = Date.now } = options;
  const sleep = options.sleep ?? realSleep;
  // Waiting ends early on abort; the loops below then see signal.aborted.
  const backoff = exponentialRetry(Infinity, backoffBaseMs, backoffMaxMs);
  const pause = (attempt: number) => sleep(backoff.delayMs(attempt + 1), signal).catch(() => undefined);

  let botId: string;
  try {
    botId = (await client.getMe({ signal })).id;
    // A registered webhook makes getUpdates return nothing (or 400), silently.
    const webhook = await client.getWebhookInfo({ signal });
    if (webhook) {
      log.warn({ url: webhook.url }, 'zalo polling: deleting the registered webhook (webhook and polling exclude each other)');
      await client.deleteWebhook({ signal });
    }
  } catch (error) {
    if (signal.aborted) return;
    throw error;
  }
  log.info({ botId }, 'zalo polling: started');

  const admitUntilStored = async (update: unknown) => {
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
  };

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
    for (const update of updates) await admitUntilStored(update);
  }
  log.info({}, 'zalo polling: stopped');
}

// Long polling, for servers without a public URL. getUpdates confirms every update
// below `offset`, so the offset moves past an update only once `admit` has stored
// it: after a crash the unconfirmed ones are fetched again (admit de-duplicates).
import { GrammyError, type Api } from 'grammy';
import type { Admit } from '../../src/kernel/messages.ts';
import { realSleep, toGrammySignal, type Sleep } from './bot.ts';
import { receiveUpdate } from './receive.ts';
import type { StaffUpdates } from './staff-updates.ts';

/** How long each getUpdates waits for news; below the API client's 60 s timeout (bot.ts). */
const LONG_POLL_SECONDS = 30;

export interface PollingOptions {
  api: Api;
  admit: Admit;
  /** The hotline staff group's updates go here instead of to `admit`. */
  staff?: StaffUpdates;
  /** Stops the loop; the pending getUpdates is cancelled. */
  signal: AbortSignal;
  /** Pause after a failed getUpdates or admit, before fetching again. */
  retryDelayMs?: number;
  /** Told about failures the loop survives (network, admit, malformed updates). */
  onError?: (error: unknown) => void;
  sleep?: Sleep;
}

/**
 * Resolves when `signal` aborts. Rejects, so that the server fails loudly, when the
 * webhook cannot be removed at start or on errors retrying cannot fix (wrong token: 401, 404).
 */
export async function pollUpdates(options: PollingOptions): Promise<void> {
  const { api, admit, staff, signal, retryDelayMs = 5_000, onError = () => {}, sleep = realSleep } = options;
  const deps = { admit, answerCallbackQuery: (id: string) => api.answerCallbackQuery(id), onAnswerError: onError };
  // getUpdates fails with 409 while a webhook is set.
  await api.deleteWebhook({}, toGrammySignal(signal));
  let offset: number | undefined;
  while (!signal.aborted) {
    try {
      const updates = await api.getUpdates({ offset, timeout: LONG_POLL_SECONDS, allowed_updates: ['message', 'callback_query'] }, toGrammySignal(signal));
      for (const update of updates) {
        const received = staff?.owns(update) ? await staff.handle(update) : await receiveUpdate(update, deps);
        if (received.status === 'malformed') onError(new Error(`malformed Telegram update ${update.update_id}: ${received.problem}`));
        offset = update.update_id + 1;
      }
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) throw error;
      onError(error);
      await sleep(retryDelayMs, signal).catch(() => {});
    }
  }
}

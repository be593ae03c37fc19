// What happens to one update, whether it came by webhook or by polling: translate
// it, answer a pressed button at once, and hand a valid message to `admit`.
import type { Admit } from '../../src/kernel/messages.ts';
import type { Received } from '../shared/webhook-route.ts';
import { translateUpdate } from './translate.ts';

export interface ReceiveDeps {
  admit: Admit;
  /** Usually `(id) => bot.api.answerCallbackQuery(id)`. */
  answerCallbackQuery: (callbackQueryId: string) => Promise<unknown>;
  /** Told when answering a button fails; the update itself is unaffected. */
  onAnswerError: (error: unknown) => void;
}


/** Rejects only when `admit` rejects: the update is not stored and must come again. */
export async function receiveUpdate(raw: unknown, deps: ReceiveDeps): Promise<Received> {
  const translation = translateUpdate(raw, Date.now());
  if (translation.kind === 'malformed') return { status: 'malformed', problem: translation.problem };
  // Every time, duplicates included: the citizen's client shows a spinner until then.
  // Not awaited, so that a slow answer never delays storing the update.
  if (translation.callbackQueryId !== undefined) {
    const id = translation.callbackQueryId;
    Promise.resolve()
      .then(() => deps.answerCallbackQuery(id))
      .catch(deps.onAnswerError);
  }
  if (translation.kind === 'ignored') return { status: 'ignored', reason: translation.reason };
  return { status: await deps.admit(translation.incoming) };
}

// Sends the bot's replies to a Telegram chat and tells the bot, in its own terms,
// why a send failed. Retries (429, 5xx, network) already happened in the bot's
// API transformer; what arrives here is final for this attempt.
import { GrammyError, HttpError, type Api } from 'grammy';
import type { Address, ChannelSender, SendOutcome } from '../../src/kernel/messages.ts';
import type { Reply } from '../../src/kernel/reply.ts';
import { renderReplies, type OutgoingMessage } from './translate.ts';

export function createTelegramSender(api: Api): ChannelSender {
  return {
    channel: 'telegram',
    async send(address: Address, replies: readonly Reply[]): Promise<SendOutcome> {
      if (address.channel !== 'telegram') return { ok: false, reason: 'rejected', detail: `not a Telegram address: ${address.channel}` };
      let messages: OutgoingMessage[];
      try {
        messages = renderReplies(replies);
      } catch (error) {
        return { ok: false, reason: 'rejected', detail: String(error) };
      }
      // In order, one at a time: Telegram keeps the order in which sends complete.
      for (const [index, { text, ...other }] of messages.entries()) {
        try {
          await api.sendMessage(address.chatId, text, other);
        } catch (error) {
          const outcome = toFailure(error);
          // Earlier parts are already in the chat: say so, a retry would repeat them.
          return index === 0 ? outcome : { ...outcome, detail: `${outcome.detail} (after ${index} of ${messages.length} messages were sent)` };
        }
      }
      return { ok: true };
    },
  };
}

type Failure = Extract<SendOutcome, { ok: false }>;

function toFailure(error: unknown): Failure {
  if (error instanceof GrammyError) {
    const detail = `${error.error_code}: ${error.description}`;
    const retryAfter = error.parameters.retry_after;
    if (error.error_code === 403) return { ok: false, reason: 'blocked', detail };
    if (error.error_code === 429) return { ok: false, reason: 'rate_limited', detail, retryAfterMs: (retryAfter ?? 1) * 1_000 };
    if (error.error_code >= 500) return { ok: false, reason: 'unavailable', detail };
    return { ok: false, reason: 'rejected', detail };
  }
  if (error instanceof HttpError) return { ok: false, reason: 'unavailable', detail: error.message };
  throw error; // not an answer from Telegram nor a network failure: a bug, let it surface
}

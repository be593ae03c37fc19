// The bot's way to send on Zalo: render the replies as plain-text chunks and send them
// in order, stopping at the first failure and telling the bot why.
import type { Address, ChannelSender, SendFailure, SendOutcome } from '../../src/kernel/messages.ts';
import type { Reply } from '../../src/kernel/reply.ts';
import { ZaloApiError, type ZaloClient, type ZaloErrorKind } from './client.ts';
import { renderReplies } from './translate.ts';

export function createZaloSender(client: Pick<ZaloClient, 'sendMessage'>): ChannelSender {
  return {
    channel: 'zalo',
    async send(address: Address, replies: readonly Reply[]): Promise<SendOutcome> {
      if (address.channel !== 'zalo') return { ok: false, reason: 'rejected', detail: `not a Zalo address (${address.channel})` };
      const chunks = renderReplies(replies);
      for (const [i, chunk] of chunks.entries()) {
        try {
          await client.sendMessage(address.chatId, chunk);
        } catch (error) {
          // The client has already retried transient failures; this is the final word.
          // Chunks before this one were delivered: a resend repeats them.
          const sent = `${i} of ${chunks.length} messages sent`;
          if (error instanceof ZaloApiError) return { ok: false, reason: failureOf(error), detail: `${error.message}; ${sent}` };
          return { ok: false, reason: 'rejected', detail: `${error instanceof Error ? error.message : String(error)}; ${sent}` };
        }
      }
      return { ok: true };
    },
  };
}

const FAILURE_BY_KIND: Record<ZaloErrorKind, SendFailure> = {
  rate_limited: 'rate_limited',
  server: 'unavailable',
  timeout: 'unavailable',
  network: 'unavailable',
  auth: 'rejected',
  bad_request: 'rejected',
  not_found: 'rejected',
  bad_response: 'unavailable', // a 2xx without a readable envelope: the message may or may not be out
};

// No error code for "the user blocked the bot" is documented; this matches wording
// such as "user blocked" / "đã chặn" in the description, and should be checked live.
const BLOCKED = /\bblock(?:ed)?\b|chặn/i;

function failureOf(error: ZaloApiError): SendFailure {
  if (error.code !== undefined && error.code >= 400 && error.code < 500 && error.code !== 429 && BLOCKED.test(error.description ?? '')) {
    return 'blocked';
  }
  return FAILURE_BY_KIND[error.kind];
}

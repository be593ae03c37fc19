// The bot's way to send on a Zalo OA: render the replies as plain-text chunks (numbered
// choices, 2,000 characters each) and send them in order, stopping at the first failure.
//
// Contract with the inbox (the code that handles a citizen's incoming message):
// - An OA may only answer inside the interaction window the citizen's own message opens.
//   A send refused because that window has closed is not retried: the chunks not yet
//   delivered are kept in the store under (UNDELIVERED_NAMESPACE, <Zalo user id>) for
//   7 days, after any already kept there, and send() answers { ok: false, reason: 'window_closed' }.
// - When that citizen writes again, their message reopens the window and the inbox sends
//   its answer through this sender: send() first takes the kept replies (takeUndelivered)
//   and delivers them before the new ones. takeUndelivered hands kept replies out once,
//   even to several app instances asking together.
import type { Address, ChannelSender, SendFailure, SendOutcome } from '../../src/kernel/messages.ts';
import type { Reply } from '../../src/kernel/reply.ts';
import type { Store } from '../../src/store/store.ts';
import { renderReplies } from '../zalo/translate.ts';
import { ZaloOaError, type ZaloOaClient, type ZaloOaErrorKind } from './client.ts';

export const UNDELIVERED_NAMESPACE = 'oa-undelivered';
/** The longest interaction window reported (channels.md §2.4); after it a reply is stale anyway. */
const KEEP_UNDELIVERED_MS = 7 * 24 * 60 * 60 * 1000;

export interface ZaloOaSenderOptions {
  client: Pick<ZaloOaClient, 'sendText'>;
  store: Store;
}

export function createZaloOaSender({ client, store }: ZaloOaSenderOptions): ChannelSender {
  return {
    channel: 'zalo-oa',
    async send(address: Address, replies: readonly Reply[]): Promise<SendOutcome> {
      if (address.channel !== 'zalo-oa') return { ok: false, reason: 'rejected', detail: `not a Zalo OA address (${address.channel})` };
      // Every send answers the citizen's own message, so their window is open again.
      const kept = await takeUndelivered(store, address.chatId);
      // Both Zalo products cap a text at 2,000 characters, so the Bot Platform's rendering fits.
      const chunks = renderReplies([...kept, ...replies]);
      for (const [i, chunk] of chunks.entries()) {
        try {
          await client.sendText(address.chatId, chunk);
        } catch (error) {
          // Chunks before this one were delivered: a resend repeats them.
          const sent = `${i} of ${chunks.length} messages sent`;
          if (!(error instanceof ZaloOaError)) return { ok: false, reason: failureOfUnknown(error), detail: `${describe(error)}; ${sent}` };
          if (error.kind !== 'window_closed') return { ok: false, reason: FAILURE_BY_KIND[error.kind], detail: `${error.message}; ${sent}` };
          const kept = await keepUndelivered(store, address.chatId, chunks.slice(i)).then(
            () => 'kept for the citizen’s next message',
            (keepError: unknown) => `could not be kept: ${describe(keepError)}`,
          );
          return { ok: false, reason: 'window_closed', detail: `${error.message}; ${sent}; the rest ${kept}` };
        }
      }
      return { ok: true };
    },
  };
}

/** The replies kept for `userId` because their window had closed, oldest first; removed as they are returned. */
export async function takeUndelivered(store: Store, userId: string): Promise<Reply[]> {
  const kept = await store.get<Reply[]>(UNDELIVERED_NAMESPACE, userId);
  if (!kept) return [];
  // Only the caller whose delete removed them gets them: two instances never both resend.
  return (await store.delete(UNDELIVERED_NAMESPACE, userId)) ? kept : [];
}

/** Each chunk is kept as a plain-text reply: re-rendering it yields the same text. */
async function keepUndelivered(store: Store, userId: string, chunks: readonly string[]): Promise<void> {
  const kept = (await store.get<Reply[]>(UNDELIVERED_NAMESPACE, userId)) ?? [];
  await store.set(UNDELIVERED_NAMESPACE, userId, [...kept, ...chunks.map((text) => ({ text }))], KEEP_UNDELIVERED_MS);
}

const FAILURE_BY_KIND: Record<Exclude<ZaloOaErrorKind, 'window_closed'>, SendFailure> = {
  token_expired: 'unavailable', // still refused right after a refresh: try later
  refresh_invalid: 'rejected', // the OA needs re-consent; tokens.ts has told the IT officer
  rate_limited: 'rate_limited',
  unavailable: 'unavailable',
  rejected: 'rejected',
};

/** A programming error (bad argument) will fail again; anything else (the store down) may pass later. */
function failureOfUnknown(error: unknown): SendFailure {
  return error instanceof RangeError || error instanceof TypeError ? 'rejected' : 'unavailable';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

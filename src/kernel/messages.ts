// The channel-neutral vocabulary between adapters and the bot. Adapters translate
// platform updates into Incoming and render Reply[] for their platform; nothing
// platform-specific crosses this line.
import type { Reply } from './reply.ts';

export type ChannelName = 'web' | 'telegram' | 'zalo' | 'zalo-oa';

/** What a channel can do, declared by its adapter: the layers below ask this instead of naming channels. */
export interface ChannelTraits {
  /** Choices are pressed as buttons; without them they are typed as numbers, one numbered list a turn. */
  buttons: boolean;
  /** The bot can write first (a staff answer); without it the citizen looks the answer up. */
  push: boolean;
}

export type TraitsOf = (channel: ChannelName) => ChannelTraits;

/** Who to answer: a chat on a channel. Ids are opaque strings on every platform. */
export interface Address {
  channel: ChannelName;
  chatId: string;
}

/** One chat on one channel, as a key (sessions, locks, rate limits, subscriptions). */
export function addressKey(address: Address): string {
  return `${address.channel}:${address.chatId}`;
}

export interface Incoming {
  address: Address;
  /** The platform's id of this update, unique per channel, for de-duplication. */
  updateId: string;
  /** What the citizen typed; absent when a button was pressed. */
  text?: string;
  /** The `action` of a pressed button (see Choice.action); absent for typed text. */
  action?: string;
  /** Display name, when the platform gives one. */
  userName?: string;
  /** Milliseconds since the epoch. */
  receivedAt: number;
}

/** Why a send did not go through, as far as the bot needs to know. */
export type SendFailure =
  | 'window_closed' // Zalo OA: the citizen's interaction window has closed; wait for their next message
  | 'blocked' // the citizen blocked the bot or left
  | 'rate_limited' // try again after retryAfterMs
  | 'unavailable' // platform down, 5xx, network error: retry later
  | 'rejected'; // the platform refused this message for good (bad request, invalid token)

/** A failure that passes: trying again later may work. */
export function isTransient(failure: SendFailure): boolean {
  return failure === 'unavailable' || failure === 'rate_limited';
}

/**
 * Why a notice (to the hotline or to a citizen) has not gone out, as records keep it: a
 * code and what the platform said, rendered in words only where staff read it.
 */
export type SendError =
  /** The hotline target answered with an error (its own words, e.g. "HTTP 500"). */
  | { code: 'target'; detail: string }
  /** Calling the hotline target threw. */
  | { code: 'target_threw'; detail: string }
  /** The target is no longer configured. */
  | { code: 'target_gone'; target: string }
  /** No sender is configured for the citizen's channel. */
  | { code: 'no_sender'; channel: ChannelName }
  /** The citizen's channel refused or failed the send. */
  | { code: 'reply'; reason: SendFailure; detail: string };

export type SendOutcome = { ok: true } | { ok: false; reason: SendFailure; detail: string; retryAfterMs?: number };

/** What each adapter gives the bot for messages the bot sends on its own (answers from staff, announcements). */
export interface ChannelSender {
  readonly channel: ChannelName;
  send(address: Address, replies: readonly Reply[]): Promise<SendOutcome>;
}

/**
 * What an adapter calls for each valid incoming update. It resolves once the update
 * is stored durably (or recognised as a duplicate); only then may the adapter
 * acknowledge the platform. A rejection means "not stored": answer 5xx so the
 * platform delivers again.
 */
export type Admit = (incoming: Incoming) => Promise<'accepted' | 'duplicate'>;

// Limits per client address for the web routes, counted in the store so that every
// instance shares them. The inbox limits each chat; a web chat's session id is whatever
// the client sends, so an address could otherwise open a fresh chat per message and
// look tracking codes up by the thousand, or file complaints by the dozen. A lookup
// counts against one budget whether it comes through /tra-cuu, /api/complaints or
// "tra cứu <mã>" in the chat.
import { readTrackingRequest } from '../../src/dialogue/tracking.ts';
import type { Store } from '../../src/store/store.ts';

export interface AddressLimits {
  /** True while the address may send this chat message (and look up the code it may hold). */
  chat(address: string, text: string | undefined): Promise<boolean>;
  /** True while the address may look a complaint up. */
  lookup(address: string): Promise<boolean>;
  /** Seconds until a refused address may try again. */
  readonly retryAfterSeconds: number;
}

export interface AddressLimitOptions {
  /** Chat messages one address may send per minute. Default 60 (a person types far fewer; an office may share an address). */
  chatPerMinute?: number;
  /** Complaint lookups one address may make per minute, on every route together. Default 20. */
  lookupsPerMinute?: number;
}

const WINDOW_MS = 60_000;
const CHATS = 'web-chat-per-address';
const LOOKUPS = 'track-lookups';

export function createAddressLimits(store: Store, options: AddressLimitOptions = {}): AddressLimits {
  const { chatPerMinute = 60, lookupsPerMinute = 20 } = options;
  const within = async (namespace: string, address: string, max: number) => (await store.increment(namespace, address, WINDOW_MS)) <= max;
  const lookup = (address: string) => within(LOOKUPS, address, lookupsPerMinute);
  return {
    lookup,
    async chat(address, text) {
      if (!(await within(CHATS, address, chatPerMinute))) return false;
      const asksLookup = text !== undefined && readTrackingRequest(text, { bareCode: true })?.kind === 'lookup';
      return asksLookup ? lookup(address) : true;
    },
    retryAfterSeconds: WINDOW_MS / 1000,
  };
}

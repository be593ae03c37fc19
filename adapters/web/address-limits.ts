// Limits per client address for the web routes, shared by every instance (see
// address-budgets.ts). The inbox limits each chat; a web chat's session id is whatever
// the client sends, so an address could otherwise open a fresh chat per message and
// look tracking codes up by the thousand, or file complaints by the dozen. A lookup
// counts against one budget whether it comes through /tra-cuu, /api/complaints or
// "tra cứu <mã>" in the chat.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readTrackingRequest } from '../../src/dialogue/tracking.ts';
import type { Store } from '../../src/store/store.ts';
import { registerAddressBudgets } from '../shared/address-budgets.ts';

export interface AddressLimits {
  /** True while the request's address may send this chat message (and look up the code it may hold). */
  chat(request: FastifyRequest, text: string | undefined): Promise<boolean>;
  /** True while the request's address may look a complaint up. */
  lookup(request: FastifyRequest): Promise<boolean>;
  /** Seconds until a refused address may try again. */
  readonly retryAfterSeconds: number;
}

export interface AddressLimitOptions {
  /** Chat messages one address may send per minute. Default 60 (a person types far fewer; an office may share an address). */
  chatPerMinute?: number;
  /** Complaint lookups one address may make per minute, on every route together. Default 20. */
  lookupsPerMinute?: number;
}

/** Installs the limits on the web plugin's Fastify instance. */
export type InstallAddressLimits = (app: FastifyInstance) => Promise<AddressLimits>;

const WINDOW_MS = 60_000;

export function createAddressLimits(store: Store, options: AddressLimitOptions = {}): InstallAddressLimits {
  const { chatPerMinute = 60, lookupsPerMinute = 20 } = options;
  return async (app) => {
    const budget = await registerAddressBudgets(app, store);
    const chats = budget('web-chat', chatPerMinute, WINDOW_MS);
    const lookups = budget('track-lookup', lookupsPerMinute, WINDOW_MS);
    return {
      lookup: (request) => lookups.take(request),
      async chat(request, text) {
        if (!(await chats.take(request))) return false;
        const asksLookup = text !== undefined && readTrackingRequest(text, { bareCode: true })?.kind === 'lookup';
        return asksLookup ? lookups.take(request) : true;
      },
      retryAfterSeconds: lookups.retryAfterSeconds,
    };
  };
}

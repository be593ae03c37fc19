// Sending one message's replies through a channel, with bounded retries for the
// failures that pass (platform down, rate limits). What retrying cannot fix comes
// back at once for the caller to record; what is still failing when the retries run
// out comes back as "deferred", so the message stays queued and is tried again later.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Address, ChannelSender, SendFailure } from '../kernel/messages.ts';
import type { Reply } from '../kernel/reply.ts';

export interface RetryPolicy {
  /** Sends per delivery, the first included. */
  attempts: number;
  /** First pause; doubles after each further failure. */
  baseDelayMs: number;
  /** Longest pause: backoff stops growing there, and a platform asking for more (retryAfterMs) is deferred instead. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 1_000, maxDelayMs: 30_000 };

export type SendResult = { status: 'sent' } | { status: 'dropped' | 'deferred'; reason: SendFailure; detail: string };

const TRANSIENT: ReadonlySet<SendFailure> = new Set(['unavailable', 'rate_limited']);

/** `signal` cuts a pause short (the server is stopping): the delivery is then deferred. */
export async function deliver(sender: ChannelSender, address: Address, replies: readonly Reply[], policy: RetryPolicy, signal: AbortSignal): Promise<SendResult> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await sender.send(address, replies);
    if (outcome.ok) return { status: 'sent' };
    const { reason, detail } = outcome;
    if (!TRANSIENT.has(reason)) return { status: 'dropped', reason, detail };
    const pauseMs = outcome.retryAfterMs ?? Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    if (attempt >= policy.attempts || pauseMs > policy.maxDelayMs) return { status: 'deferred', reason, detail };
    try {
      await sleep(pauseMs, undefined, { signal });
    } catch {
      return { status: 'deferred', reason, detail };
    }
  }
}

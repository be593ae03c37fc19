// Sending one message's replies through a channel, with bounded retries for the
// failures that pass (platform down, rate limits). What retrying cannot fix comes
// back at once for the caller to record; what is still failing when the retries run
// out comes back as "deferred", so the message stays queued and is tried again later.
import { setTimeout as sleep } from 'node:timers/promises';
import { isTransient, type Address, type ChannelSender, type SendFailure } from '../kernel/messages.ts';
import type { Reply } from '../kernel/reply.ts';
import { exponentialRetry, type RetryPolicy } from '../kernel/retry.ts';

/** Four sends, 1, 2 and 4 s apart; a platform asking to wait over 30 s gets the message later. */
export const DEFAULT_RETRY: RetryPolicy = exponentialRetry(4, 1_000, 30_000);

export type SendResult = { status: 'sent' } | { status: 'dropped' | 'deferred'; reason: SendFailure; detail: string };

/** `signal` cuts a pause short (the server is stopping): the delivery is then deferred. */
export async function deliver(sender: ChannelSender, address: Address, replies: readonly Reply[], policy: RetryPolicy, signal: AbortSignal): Promise<SendResult> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await sender.send(address, replies);
    if (outcome.ok) return { status: 'sent' };
    const { reason, detail } = outcome;
    if (!isTransient(reason)) return { status: 'dropped', reason, detail };
    const pauseMs = outcome.retryAfterMs ?? policy.delayMs(attempt);
    if (attempt >= policy.maxAttempts || pauseMs > policy.maxDelayMs) return { status: 'deferred', reason, detail };
    try {
      await sleep(pauseMs, undefined, { signal });
    } catch {
      return { status: 'deferred', reason, detail };
    }
  }
}

// The hotline target `webhook`: POSTs each event about a complaint as signed JSON to
// an external hotline or PAKN system. A 2xx answer means delivered; anything else
// is an error result, and the send loop retries later with the same delivery id.
import type { Complaint } from '../../src/complaints/complaint.ts';
import type { HotlineEvent, HotlineTarget, TargetOutcome } from '../../src/complaints/outbox.ts';
import { signHotlinePayload } from './signature.ts';
import { readable } from '../../src/complaints/export.ts';

export const WEBHOOK_TARGET_NAME = 'webhook';
const DEFAULT_TIMEOUT_MS = 10_000;
/** How much of a refusing answer's body is kept in the error (it ends up in the complaint's delivery record). */
const ERROR_BODY_CHARS = 200;

export interface WebhookTargetOptions {
  url: string;
  /** HOTLINE_WEBHOOK_SECRET, shared with the receiver. */
  secret: string;
  /** A request not answered within this long counts as failed; default 10 s. */
  timeoutMs?: number;
  /** Clock for the signed timestamp and sentAt; default Date.now. */
  now?: () => number;
}

/** The JSON body, as documented for receivers in docs/hotline-webhook.md. */
export interface HotlineWebhookPayload {
  event: HotlineEvent['type'];
  complaint: {
    code: string;
    createdAt: string;
    dueDate: string;
    status: Complaint['status'];
    channel: Complaint['address']['channel'];
    subject: string | null;
    text: string;
    phone: string | null;
    consentAt: string | null;
  };
  sentAt: string;
}

export function hotlinePayload(event: HotlineEvent, sentAt: number): HotlineWebhookPayload {
  const { complaint } = event;
  return {
    event: event.type,
    complaint: {
      code: complaint.code,
      createdAt: new Date(complaint.createdAt).toISOString(),
      dueDate: complaint.dueDate,
      status: complaint.status,
      channel: complaint.address.channel,
      subject: complaint.subject ?? null,
      text: readable(complaint.text),
      phone: complaint.phone ?? null,
      consentAt: complaint.consentAt === undefined ? null : new Date(complaint.consentAt).toISOString(),
    },
    sentAt: new Date(sentAt).toISOString(),
  };
}

export function createWebhookTarget(options: WebhookTargetOptions): HotlineTarget {
  const { url, secret, timeoutMs = DEFAULT_TIMEOUT_MS, now = Date.now } = options;
  return {
    name: WEBHOOK_TARGET_NAME,
    async deliver(event: HotlineEvent): Promise<TargetOutcome> {
      const at = now();
      const body = JSON.stringify(hotlinePayload(event, at));
      const timestamp = String(Math.floor(at / 1000));
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'x-motcua-event': event.type,
            'x-motcua-timestamp': timestamp,
            'x-motcua-signature': signHotlinePayload(secret, timestamp, body),
            // The same for every retry of this notice: the receiver can drop repeats.
            'x-motcua-delivery': `${event.complaint.code}:${event.type}`,
          },
          body,
          // A redirect is the receiver's misconfiguration: reported, not followed to whatever answers there.
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.ok) {
          await response.body?.cancel();
          return { ok: true };
        }
        const excerpt = (await response.text().catch(() => '')).trim().slice(0, ERROR_BODY_CHARS);
        return { ok: false, error: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${excerpt ? `: ${excerpt}` : ''}` };
      } catch (error) {
        return { ok: false, error: describeFailure(error, timeoutMs) };
      }
    },
  };
}

/** fetch rejects with a TimeoutError on the timeout signal and a TypeError whose cause names the network error. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `timeout: no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `network error: ${detail}`;
}

// The signature on every hotline webhook request, and the check a receiver runs:
// HMAC-SHA256 of "<timestamp>.<raw body>" with the shared secret, sent as
// `X-Motcua-Signature: sha256=<hex>`. The timestamp is signed too, so an old request
// replayed later is refused by its age (docs/hotline-webhook.md).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_PREFIX = 'sha256=';
/** How old (or how far ahead, for clock skew) a signed timestamp may be by default. */
export const DEFAULT_TOLERANCE_SEC = 300;

/** The `X-Motcua-Signature` value for a request body sent at `timestamp` (unix seconds, as text). */
export function signHotlinePayload(secret: string, timestamp: string, rawBody: string): string {
  return SIGNATURE_PREFIX + createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

export interface VerifyOptions {
  /** Seconds the timestamp may differ from `nowSec`; default 300. */
  toleranceSec?: number;
  /** The receiver's clock, unix seconds; default now. */
  nowSec?: number;
}

/**
 * True when `header` (X-Motcua-Signature) signs `rawBody` (the bytes as received, before
 * any JSON parsing) at `timestamp` (X-Motcua-Timestamp) with `secret`, and the timestamp
 * is recent. Compares in constant time.
 */
export function verifyHotlineSignature(
  secret: string,
  timestamp: string | undefined,
  rawBody: string,
  header: string | undefined,
  options: VerifyOptions = {},
): boolean {
  const { toleranceSec = DEFAULT_TOLERANCE_SEC, nowSec = Math.floor(Date.now() / 1000) } = options;
  if (timestamp === undefined || header === undefined || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowSec - Number(timestamp)) > toleranceSec) return false;
  const expected = Buffer.from(signHotlinePayload(secret, timestamp, rawBody));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

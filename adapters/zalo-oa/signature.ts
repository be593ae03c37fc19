// The Zalo OA webhook signature. Zalo signs each event with
//   X-ZEvent-Signature: mac=<lowercase hex SHA-256(app_id + raw body + timestamp + OA secret key)>
// where app_id and timestamp are fields of the JSON body. It is a plain SHA-256 over the
// concatenation, not an HMAC, and the key is the OA Secret Key from the webhook settings
// page, not the app Secret Key used for OAuth (channels.md §2.2).
import { createHash, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-zevent-signature';

const HEX_DIGEST = /^[0-9a-f]{64}$/i;
/** Below this a timestamp is in seconds (older payloads); above it, milliseconds. */
const SECONDS_BEFORE = 1e11;

export interface SignatureOptions {
  oaSecretKey: string;
  /**
   * Refuse events whose timestamp is further than this from now (±); omit or 0 for any
   * age. Zalo redelivers a failed event for hours; msg_id de-duplication stops a replay
   * only as long as the id is remembered, so the webhook sets a window no longer than that.
   */
  replayWindowMs?: number;
  now?: () => number;
}

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'missing' | 'mismatch' | 'stale'; detail: string }
  /** The body lacks what the signature covers (app_id, timestamp): a bad request, not a forgery. */
  | { ok: false; reason: 'malformed'; detail: string };

/** The lowercase hex digest Zalo puts after `mac=`. */
export function zaloOaSignature(appId: string, rawBody: string | Buffer, timestamp: string, oaSecretKey: string): string {
  return createHash('sha256').update(appId).update(rawBody).update(timestamp).update(oaSecretKey).digest('hex');
}

/**
 * Checks `header` against the raw body bytes as received; `body` is the same body
 * parsed, to read app_id and timestamp (never re-serialised: that would change the bytes).
 */
export function verifySignature(header: string | string[] | undefined, rawBody: string | Buffer, body: unknown, options: SignatureOptions): SignatureCheck {
  if (typeof header !== 'string' || header.trim() === '') return { ok: false, reason: 'missing', detail: `no ${SIGNATURE_HEADER} header` };
  const appId = signedField(body, 'app_id');
  const timestamp = signedField(body, 'timestamp');
  if (appId === undefined || timestamp === undefined) return { ok: false, reason: 'malformed', detail: 'body lacks app_id or timestamp' };

  // Clients disagree on whether to keep the prefix; accept both.
  const given = header.trim().replace(/^mac=/i, '');
  if (!HEX_DIGEST.test(given)) return { ok: false, reason: 'mismatch', detail: 'signature is not a SHA-256 hex digest' };
  const expected = Buffer.from(zaloOaSignature(appId, rawBody, timestamp, options.oaSecretKey), 'hex');
  if (!timingSafeEqual(Buffer.from(given, 'hex'), expected)) return { ok: false, reason: 'mismatch', detail: 'signature does not match' };

  const { replayWindowMs = 0, now = Date.now } = options;
  if (replayWindowMs > 0) {
    const skew = Math.abs(now() - eventMillis(timestamp));
    if (!(skew <= replayWindowMs)) return { ok: false, reason: 'stale', detail: `timestamp ${timestamp} is outside the ±${replayWindowMs} ms window` };
  }
  return { ok: true };
}

/** Milliseconds since the epoch from a timestamp in ms (current payloads) or s (older ones). */
export function eventMillis(timestamp: string | number): number {
  const value = Number(timestamp);
  return value < SECONDS_BEFORE ? value * 1000 : value;
}

/**
 * A signed field as the text Zalo hashed. Zalo sends these as strings; a JSON number is
 * accepted only while it is exact (a large id parsed as a double would not hash alike).
 */
function signedField(body: unknown, name: 'app_id' | 'timestamp'): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

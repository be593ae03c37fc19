import { describe, expect, it } from 'vitest';
import { verifySignature, zaloOaSignature } from '../../../adapters/zalo-oa/signature.ts';
import { APP_ID, OA_SECRET_KEY, signOf, textEvent } from './events.ts';

const raw = JSON.stringify(textEvent('m1'));
const body = JSON.parse(raw) as ReturnType<typeof textEvent>;
const options = { oaSecretKey: OA_SECRET_KEY };

describe('Zalo OA webhook signature', () => {
  it('matches a vector computed outside Node (Python hashlib) from the formula', () => {
    const sample = '{"app_id":"50554360515256678","event_name":"user_send_text","timestamp":"1717061839659","message":{"text":"Helo","msg_id":"e2a641af6661713b2874"}}';
    expect(zaloOaSignature('50554360515256678', sample, '1717061839659', 's3cr3t')).toBe('62c8b6094766caab7cae9efcca68a7528eca5ed31b7edfdaec79ebde8b50f0d2');
    const header = 'mac=62c8b6094766caab7cae9efcca68a7528eca5ed31b7edfdaec79ebde8b50f0d2';
    expect(verifySignature(header, sample, JSON.parse(sample), { oaSecretKey: 's3cr3t' })).toEqual({ ok: true });
  });

  it('accepts the signature computed from app_id + raw body + timestamp + OA secret', () => {
    expect(verifySignature(signOf(raw, APP_ID, body.timestamp), raw, body, options)).toEqual({ ok: true });
  });

  it('accepts it with or without the mac= prefix, in either case, around whitespace', () => {
    const hex = signOf(raw, APP_ID, body.timestamp).slice('mac='.length);
    for (const header of [hex, `mac=${hex}`, ` mac=${hex.toUpperCase()} `, `MAC=${hex}`]) {
      expect(verifySignature(header, raw, body, options)).toEqual({ ok: true });
    }
  });

  it('hashes the raw bytes as received, not a re-serialisation', () => {
    const spaced = `{ "app_id": "${APP_ID}", "event_name": "user_send_text", "timestamp": "1717061839659", "message": { "text": "\\u0111\\u00e2u" } }`;
    const parsed: unknown = JSON.parse(spaced);
    expect(verifySignature(signOf(spaced, APP_ID, '1717061839659'), Buffer.from(spaced), parsed, options)).toEqual({ ok: true });
    expect(verifySignature(signOf(JSON.stringify(parsed), APP_ID, '1717061839659'), spaced, parsed, options)).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it.each([
    ['a wrong secret', signOf(raw, APP_ID, body.timestamp, 'another-secret'), raw],
    ['the app secret key instead of the OA secret key (HMAC-style mistake)', signOf(raw, APP_ID, body.timestamp, 'fake-app-secret-key'), raw],
    ['a tampered body', signOf(raw, APP_ID, body.timestamp), raw.replace('lam cccd o dau', 'chuyen khoan cho toi')],
    ['a signature that is not hex', 'mac=not-a-digest', raw],
    ['a truncated signature', signOf(raw, APP_ID, body.timestamp).slice(0, 40), raw],
  ])('refuses %s', (_, header, sent) => {
    expect(verifySignature(header, sent, JSON.parse(sent), options)).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['a repeated header', [signOf(raw, APP_ID, body.timestamp), signOf(raw, APP_ID, body.timestamp)]],
  ])('refuses %s as missing', (_, header) => {
    expect(verifySignature(header, raw, body, options)).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('calls a body without app_id or timestamp malformed', () => {
    const { timestamp: _, ...withoutTimestamp } = body;
    const sent = JSON.stringify(withoutTimestamp);
    expect(verifySignature(signOf(sent, APP_ID, ''), sent, withoutTimestamp, options)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('reads a numeric timestamp as the digits Zalo hashed', () => {
    const sent = `{"app_id":"${APP_ID}","event_name":"follow","timestamp":1717061839659}`;
    expect(verifySignature(signOf(sent, APP_ID, '1717061839659'), sent, JSON.parse(sent), options)).toEqual({ ok: true });
  });

  describe('replay window', () => {
    const at = Date.parse('2024-05-30T09:37:19.659Z'); // = 1717061839659
    const windowed = (now: number) => ({ ...options, replayWindowMs: 5 * 60_000, now: () => now });
    const signed = (timestamp: string) => {
      const event = textEvent('m1', 'x', timestamp);
      const sent = JSON.stringify(event);
      return [signOf(sent, APP_ID, timestamp), sent, event] as const;
    };

    it('accepts an event within ±5 minutes', () => {
      expect(verifySignature(...signed('1717061839659'), windowed(at + 4 * 60_000))).toEqual({ ok: true });
      expect(verifySignature(...signed('1717061839659'), windowed(at - 4 * 60_000))).toEqual({ ok: true });
    });

    it('refuses one older or newer than 5 minutes', () => {
      expect(verifySignature(...signed('1717061839659'), windowed(at + 6 * 60_000))).toMatchObject({ ok: false, reason: 'stale' });
      expect(verifySignature(...signed('1717061839659'), windowed(at - 6 * 60_000))).toMatchObject({ ok: false, reason: 'stale' });
    });

    it('reads a timestamp in seconds (older payloads) as seconds', () => {
      expect(verifySignature(...signed('1717061839'), windowed(at))).toEqual({ ok: true });
      expect(verifySignature(...signed('1717061839'), windowed(at + 6 * 60_000))).toMatchObject({ ok: false, reason: 'stale' });
    });

    it('refuses a timestamp that is not a number', () => {
      expect(verifySignature(...signed('yesterday'), windowed(at))).toMatchObject({ ok: false, reason: 'stale' });
    });

    it('is off unless asked for: Zalo redelivers old events for hours', () => {
      expect(verifySignature(...signed('1717061839659'), options)).toEqual({ ok: true });
    });
  });
});

// Zalo OA webhook events as the tests send them, signed the way Zalo signs them, and a
// logger that remembers what it was told.
import { createHash } from 'node:crypto';
import type { DebugLog } from '../../../src/kernel/log.ts';

export const APP_ID = '3608465249409039670';
export const OA_ID = '1646843870823903717';
export const OA_SECRET_KEY = 'oa-secret-key-from-the-webhook-page';
export const USER_ID = '5510185758261927916';

/** A user_send_text event shaped like the samples in channels.md §2.2. */
export function textEvent(msgId: string, text = 'lam cccd o dau', timestamp = '1717061839659') {
  return {
    app_id: APP_ID,
    user_id_by_app: '3611371994410983884',
    event_name: 'user_send_text',
    timestamp,
    sender: { id: USER_ID },
    recipient: { id: OA_ID },
    message: { text, msg_id: msgId },
  };
}

/** The X-ZEvent-Signature value, straight from the formula: mac= + sha256hex(app_id + raw body + timestamp + OA secret). */
export function signOf(raw: string, appId: string, timestamp: string, secret = OA_SECRET_KEY): string {
  return `mac=${createHash('sha256').update(appId + raw + timestamp + secret).digest('hex')}`;
}

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  fields: object;
  message: string;
}

export function memoryLog(): DebugLog & { lines: LogLine[]; text(): string } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (fields: object, message: string) => void lines.push({ level, fields, message });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), text: () => JSON.stringify(lines) };
}

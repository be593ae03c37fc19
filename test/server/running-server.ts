// Starting the whole server for end-to-end tests: a configuration as the
// environment would give it (port 0, quiet logs), and helpers that post to it.
import { parseConfig, type Config } from '../../src/config.ts';
import { APP_ID, signOf, textEvent } from '../adapters/zalo-oa/events.ts';

export const PUBLIC_URL = 'https://bot.example.test';
export const TELEGRAM_SECRET = 'tg_webhook_secret';
export const ZALO_SECRET = 'zalo-webhook-secret';

/** The national set is left out unless a test asks for it (NATIONAL_SET=on): it adds a second to every start. */
export function testConfig(env: Record<string, string>): Config {
  // Every test citizen comes from 127.0.0.1: the per-address web limit is raised out of their way.
  return parseConfig({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', NATIONAL_SET: 'off', WEB_CHAT_PER_ADDRESS_PER_MINUTE: '100000', KNOWLEDGE_RELOAD: 'off', ...env });
}

export function postTelegram(baseUrl: string, update: unknown): Promise<Response> {
  return post(`${baseUrl}/telegram/webhook`, { 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET }, update);
}

export function postZalo(baseUrl: string, update: unknown): Promise<Response> {
  return post(`${baseUrl}/zalo/webhook`, { 'x-bot-api-secret-token': ZALO_SECRET }, update);
}

/** A Zalo OA text event from `userId`, signed with the OA secret key as Zalo signs it. */
export function postZaloOa(baseUrl: string, msgId: string, text: string, userId: string): Promise<Response> {
  const timestamp = String(Date.now());
  const raw = JSON.stringify({ ...textEvent(msgId, text, timestamp), sender: { id: userId } });
  return fetch(`${baseUrl}/zalo-oa/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-zevent-signature': signOf(raw, APP_ID, timestamp) },
    body: raw,
  });
}

export function post(url: string, headers: Record<string, string>, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** A Zalo Bot Platform text update as the webhook receives it. */
export function zaloText(messageId: string, text: string, chatId = 'chat-1') {
  return {
    event_name: 'message.text.received',
    message: { message_id: messageId, date: Date.now(), text, chat: { id: chatId }, from: { id: chatId, display_name: 'An' } },
  };
}

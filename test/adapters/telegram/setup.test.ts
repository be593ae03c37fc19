import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramBot } from '../../../adapters/telegram/bot.ts';
import { setupTelegram } from '../../../adapters/telegram/setup.ts';
import { TELEGRAM_COMMANDS } from '../../../src/texts/citizens.ts';
import { FAKE_BOT_USER, startFakeBotApi, type FakeBotApi } from '../../fakes/telegram-bot-api.ts';

let fake: FakeBotApi;

beforeEach(async () => {
  fake = await startFakeBotApi();
});

afterEach(async () => {
  await fake.close();
});

const api = () => createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot, botInfo: FAKE_BOT_USER }).api;

describe('Telegram setup', () => {
  it('sets the Vietnamese command menu and the webhook with its secret', async () => {
    await setupTelegram(api(), { webhook: { url: 'https://motcua.example.gov.vn/telegram/webhook', secret: 's3cret_-' } });
    expect(fake.calls.map((c) => c.method)).toEqual(['setMyCommands', 'setWebhook']);
    expect(fake.callsTo('setMyCommands')[0]).toEqual({ commands: TELEGRAM_COMMANDS });
    expect(TELEGRAM_COMMANDS).toContainEqual({ command: 'thutuc', description: 'Tra cứu thủ tục theo lĩnh vực' });
    expect(fake.callsTo('setWebhook')[0]).toEqual({
      url: 'https://motcua.example.gov.vn/telegram/webhook',
      secret_token: 's3cret_-',
      allowed_updates: ['message', 'callback_query'],
    });
  });

  it('leaves the webhook alone in polling mode', async () => {
    await setupTelegram(api());
    expect(fake.calls.map((c) => c.method)).toEqual(['setMyCommands']);
  });

  it('uses only command names Telegram accepts', () => {
    for (const { command, description } of TELEGRAM_COMMANDS) {
      expect(command).toMatch(/^[a-z0-9_]{1,32}$/);
      expect(description.length).toBeGreaterThan(0);
      expect(description.length).toBeLessThanOrEqual(256);
    }
  });
});

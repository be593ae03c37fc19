// One-time configuration at start: the command menu citizens see next to the text
// box, and in webhook mode where Telegram delivers updates. Run at start, never at
// import, so tests and tools can load the module without a network.
import type { Api } from 'grammy';
import { TELEGRAM_COMMANDS } from '../../src/texts/citizens.ts';

export interface TelegramSetupOptions {
  /** Webhook mode: the public URL of the webhook route and its secret. Omit for polling (it removes the webhook itself). */
  webhook?: { url: string; secret: string };
}

export async function setupTelegram(api: Api, options: TelegramSetupOptions = {}): Promise<void> {
  await api.setMyCommands(TELEGRAM_COMMANDS);
  if (options.webhook) {
    await api.setWebhook(options.webhook.url, {
      secret_token: options.webhook.secret,
      // Only what the adapter handles: everything else would be delivered just to be ignored.
      allowed_updates: ['message', 'callback_query'],
    });
  }
}

// The Telegram channel as the server wires it: the bot, its command menu and webhook
// (or polling), the citizens' sender, and the staff group's updates and target when a
// group is configured.
import type { FastifyBaseLogger } from 'fastify';
import type { Hotline } from '../../src/complaints/hotline.ts';
import type { HotlineTarget } from '../../src/complaints/outbox.ts';
import type { BotConfig } from '../../src/config.ts';
import type { Store } from '../../src/store/store.ts';
import type { Channel } from '../channel.ts';
import { createTelegramBot } from './bot.ts';
import { pollUpdates } from './polling.ts';
import { createTelegramSender } from './sender.ts';
import { setupTelegram } from './setup.ts';
import { createTelegramGroupTarget, postToStaff, tellKnowledgeRefused } from './staff-group.ts';
import { createStaffUpdates } from './staff-updates.ts';
import { telegramWebhook } from './webhook.ts';

/** The hotline staff group, when configured: its updates are staff actions on the desk. */
export interface StaffGroupDeps {
  hotline: Hotline;
  store: Store;
  chatId: string | undefined;
}

/** Sets the command menu, and in webhook mode where Telegram delivers (setWebhook with the secret). */
export async function telegramChannel(
  config: BotConfig,
  log: FastifyBaseLogger,
  staffGroup: StaffGroupDeps,
): Promise<Channel & { groupTarget?: HotlineTarget; tellStaff?: (problems: readonly string[]) => Promise<void>; postToStaff?: (text: string) => Promise<void> }> {
  const bot = createTelegramBot({ token: config.token, apiRoot: config.apiRoot });
  const { webhook } = config;
  const connect = async () => {
    await setupTelegram(bot.api, webhook ? { webhook: { url: `${webhook.publicUrl}/telegram/webhook`, secret: webhook.secret } } : {});
    log.info({ mode: webhook ? 'webhook' : 'polling' }, 'telegram: connected');
  };
  // The webhook is set where its route is registered: the answering thread (ANSWERING=thread) builds this channel only to send.
  if (!webhook) await connect();
  const { chatId, hotline, store } = staffGroup;
  const staff = chatId
    ? createStaffUpdates({ api: bot.api, chatId, hotline, store, onError: (err) => log.warn({ err }, 'telegram staff group: could not tell staff the outcome') })
    : undefined;
  return {
    ...(chatId ? { groupTarget: createTelegramGroupTarget({ api: bot.api, chatId }), tellStaff: (problems) => tellKnowledgeRefused(bot.api, chatId, problems), postToStaff: (text) => postToStaff(bot.api, chatId, text) } : {}),
    sender: createTelegramSender(bot.api),
    receive: (admit) =>
      webhook
        ? {
            routes: async (app) => {
              await connect();
              await app.register(telegramWebhook, { secret: webhook.secret, admit, staff, onCallbackQuery: (id) => bot.api.answerCallbackQuery(id) });
            },
          }
        : { poll: (signal) => pollUpdates({ api: bot.api, admit, staff, signal, onError: (err) => log.warn({ err }, 'telegram polling: failed; retrying') }) },
  };
}

// The bot server, and the one module that joins the layers (src/) to the channel
// adapters (adapters/): it loads the knowledge, opens the store, builds the inbox,
// connects the channels the configuration names (each by webhook when PUBLIC_URL
// is set, else by polling), listens, and shuts everything down on SIGINT/SIGTERM.
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger, FastifyInstance, FastifyPluginAsync } from 'fastify';
import { adminInbox } from '../adapters/admin/plugin.ts';
import { QUESTIONS_PATH } from '../adapters/admin/layout.ts';
import { createWebhookTarget, WEBHOOK_TARGET_NAME } from '../adapters/hotline-webhook/target.ts';
import type { Channel } from '../adapters/channel.ts';
import { buildServer } from '../adapters/http/server.ts';
import { TELEGRAM_GROUP_TARGET_NAME } from '../adapters/telegram/target-name.ts';
import { createAddressLimits } from '../adapters/web/address-limits.ts';
import { webChat } from '../adapters/web/plugin.ts';
import { ZaloClient } from '../adapters/zalo/client.ts';
import { runZaloPolling } from '../adapters/zalo/polling.ts';
import { createZaloSender } from '../adapters/zalo/sender.ts';
import { zaloWebhook } from '../adapters/zalo/webhook.ts';
import { ZaloOaClient, ZaloOaOAuth } from '../adapters/zalo-oa/client.ts';
import { createZaloOaSender } from '../adapters/zalo-oa/sender.ts';
import { OaTokenManager } from '../adapters/zalo-oa/tokens.ts';
import { zaloOaWebhook } from '../adapters/zalo-oa/webhook.ts';
import { today } from './cli/knowledge-dirs.ts';
import { ConfigError, loadConfig, type BotConfig, type Config, type HotlineConfig, type ZaloOaConfig } from './config.ts';
import { Hotline } from './complaints/hotline.ts';
import type { HotlineTarget } from './complaints/outbox.ts';
import { createSendLoop, type SendLoop } from './complaints/send-loop.ts';
import { moveStoredComplaints } from './complaints/stored-complaints.ts';
import { loadHolidays, WorkingCalendar } from './complaints/working-days.ts';
import { EntryFiles } from './curation/entry-file.ts';
import { suggestEntry } from './curation/question-groups.ts';
import { WeeklyDigest } from './curation/weekly-digest.ts';
import { Conversation } from './dialogue/conversation.ts';
import { createInbox, type Inbox } from './messaging/inbox.ts';
import { AnsweringThread } from './answering-thread.ts';
import type { AnswerPace } from './messaging/answer-pace.ts';
import type { Admit, ChannelName, ChannelSender } from './kernel/messages.ts';
import { loadKnowledgeBase, type KnowledgeBase } from './knowledge/knowledge-base.ts';
import { watchKnowledge, type KnowledgeWatch } from './knowledge/watch.ts';
import { formatProblem, type Problem } from './knowledge/problems.ts';
import { Engine } from './search/engine.ts';
import { createChatLock } from './store/chat-lock.ts';
import { openDatabase, type Database } from './store/database.ts';
import { KnowledgeHistory } from './store/knowledge-history.ts';
import { QuestionLog } from './store/question-log.ts';
import { ReportEvents } from './store/report-events.ts';
import { openStore } from './store/open-store.ts';
import type { Store } from './store/store.ts';
import { channelTraits } from '../adapters/channel-traits.ts';
import { MESSAGES } from './texts/editors.ts';

/** Telegram keeps an unconfirmed update for 24 h and Zalo redelivers for hours: ids are remembered longer. */
const DEDUP_TTL_MS = 48 * 3600_000;
// ttlMs: longer than one message's handling and delivery with its retries (a crashed
// holder's chat waits that long). waitMs: a run that gives up stays queued for the next sweep.
const CHAT_LOCK = { ttlMs: 5 * 60_000, retryMs: 50, waitMs: 30_000 };
const PLACES_WARM_DELAY_MS = 1_000;

export interface RunningServer {
  app: FastifyInstance;
  /** Where a browser on this machine reaches the web chat. */
  url: string;
  /** Stops the channels and the inbox, closes the server, then the store. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** A channel stopped for good (a polling loop with a wrong token); it has been logged. */
  onFatal?: (error: unknown) => void;
  /**
   * The answering thread's server (ANSWERING=thread): no listener, no routes, no polling;
   * it answers the queued messages the serving thread names to `wake`, and the web chat
   * messages it hands to `converse`.
   */
  answering?: { connect(inbox: Pick<Inbox, 'wake' | 'converse'>): void; pace: AnswerPace };
}

/** `motcua serve` and `npm start`: runs until SIGINT or SIGTERM; returns the exit code. */
export async function serve(): Promise<number> {
  let stop!: (exitCode: number) => void;
  const stopped = new Promise<number>((resolve) => (stop = resolve));
  process.once('SIGINT', () => stop(0)).once('SIGTERM', () => stop(0));
  let running: RunningServer;
  try {
    running = await startServer(loadConfig(), { onFatal: () => stop(1) });
  } catch (error) {
    // A configuration error says all there is to say; anything else keeps its stack.
    console.error(MESSAGES.cannotStart, error instanceof ConfigError ? error.message : error);
    return 1;
  }
  console.log(MESSAGES.running(running.url));
  const exitCode = await stopped;
  running.app.log.info({}, 'shutting down');
  await running.close();
  return exitCode;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  // Updates are answered here, or in the answering thread (which runs this server again, with options.answering set).
  const thread = config.answering === 'thread' && !options.answering ? new AnsweringThread(config) : undefined;
  thread?.start();
  let opened: { knowledge: KnowledgeBase; store: Store; database: Database };
  try {
    opened = await openAll(config);
  } catch (error) {
    await thread?.stop();
    throw error;
  }
  const { knowledge, store, database } = opened;
  const onFatal = options.onFatal ?? (() => {});
  const app = buildServer({
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    readiness: { store, database, knowledge, ...(thread ? { answering: thread } : {}) },
    plugins: [bot({ config, store, database, knowledge, onFatal, answering: options.answering, thread })],
  });
  // The place index (a few hundred ms) is built on first use; built a moment after the
  // start instead, neither /readyz nor the first citizen who names a place waits for it.
  // A server closed before then never builds it.
  let warming: NodeJS.Timeout | undefined;
  const close = async () => {
    clearTimeout(warming);
    await app.close();
    await store.close();
    await database.close();
  };
  try {
    if (options.answering) await app.ready();
    else await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await close();
    throw error;
  }
  warming = setTimeout(() => knowledge.places?.warm(), PLACES_WARM_DELAY_MS).unref();
  return { app, url: options.answering ? '' : localUrl(app, config.host), close };
}

/** The knowledge, the store and the records' database; what was opened is closed again when the rest fails. */
async function openAll(config: Config): Promise<{ knowledge: KnowledgeBase; store: Store; database: Database }> {
  const knowledge = await servedKnowledge(config);
  const store = await openStore(config.storeUrl, { prefix: config.storePrefix });
  try {
    return { knowledge, store, database: await openDatabase(config.databaseUrl) };
  } catch (error) {
    await store.close();
    throw error;
  }
}

interface BotDeps {
  config: Config;
  store: Store;
  database: Database;
  knowledge: KnowledgeBase;
  onFatal: (error: unknown) => void;
  answering: StartOptions['answering'];
  thread: AnsweringThread | undefined;
}

/**
 * Everything behind the routes, as one plugin so that it logs through the server's
 * logger and starts and stops with the server (onReady, onClose).
 */
function bot({ config, store, database, knowledge, onFatal, answering, thread }: BotDeps): FastifyPluginAsync {
  return async (app) => {
    const { log } = app;
    thread?.logTo(log);
    reportKnowledge(log, knowledge);
    // The desk wakes the send loop when it queues something; the loop is built once the channels are known.
    let wakeSendLoop = () => {};
    const hotline = await complaintDesk(config, { store, database }, log, () => wakeSendLoop());
    // grammY is loaded only when Telegram is configured: a start without it is faster.
    const telegram = config.telegram && (await (await import('../adapters/telegram/channel.ts')).telegramChannel(config.telegram, log, { hotline, store, chatId: config.hotline.telegramChatId }));
    const channels = await pushChannels(config, store, log, telegram);
    const senders = sendersOf(channels);
    /** Where new complaints go besides /admin; the send loop delivers to them. */
    const targets = hotlineTargets(config.hotline, telegram?.groupTarget);
    const sendLoop = createSendLoop({ traits: channelTraits, hotline, targets, senders, log });
    wakeSendLoop = sendLoop.wake;
    const records = staffRecords(database, hotline, log);
    const { events, questions } = records;
    const serving = servingKnowledge(config, knowledge, log, {
      converse: (kb) => new Conversation({ traits: channelTraits, engine: new Engine(kb), store, sessionTtlMs: config.sessionTtlMs, hotline, log, events, questions }),
      // Staff hear of an edit refused in their group too, once per new set of errors.
      refused: (problems) => void telegram?.tellStaff?.(problems).catch((err: unknown) => log.warn({ err }, 'telegram staff group: could not tell staff of the knowledge error')),
    });
    const inbox = createInbox({
      store,
      respond: (incoming) => serving.conversation().handle(incoming),
      senders,
      log,
      rateLimit: { perMinute: config.rateLimitPerMinute },
      dedupTtlMs: DEDUP_TTL_MS,
      chatLock: createChatLock(store, CHAT_LOCK),
      ...(thread ? { handOff: thread.queued } : {}),
      ...(answering ? { pace: answering.pace } : {}),
    });
    if (answering) {
      answering.connect(inbox);
      runWithServer(app, { inbox, sendLoop, pollers: [], serving, records, onFatal });
      return;
    }
    await registerPages(app, { config, store, hotline, serving, records, converse: thread ? thread.conversing(inbox.converse) : inbox.converse });
    const pollers = await receiveUpdates(app, channels, thread ? thread.admitting(inbox.admit) : inbox.admit);
    const digest = telegram?.postToStaff && new WeeklyDigest({ questions, store, send: telegram.postToStaff, adminUrl: config.publicUrl && `${config.publicUrl}${QUESTIONS_PATH}`, now: hotline.now, log });
    runWithServer(app, { inbox, sendLoop, pollers, serving, records, digest, thread, onFatal });
  };
}

type Poller = (signal: AbortSignal) => Promise<void>;

/** The push channels configured, Telegram (loaded already) first. */
async function pushChannels(config: Config, store: Store, log: FastifyBaseLogger, telegram: Channel | undefined): Promise<Channel[]> {
  const channels: Channel[] = [];
  if (telegram) channels.push(telegram);
  if (config.zalo) channels.push(zaloChannel(config.zalo, log));
  if (config.zaloOa) channels.push(await zaloOaChannel(config.zaloOa, store, log));
  return channels;
}

function sendersOf(channels: readonly Channel[]): Partial<Record<ChannelName, ChannelSender>> {
  const senders: Partial<Record<ChannelName, ChannelSender>> = {};
  for (const { sender } of channels) senders[sender.channel] = sender;
  return senders;
}

/** The citizens' web chat, and the staff pages when staff accounts are configured. */
async function registerPages(
  app: FastifyInstance,
  { config, store, hotline, serving, records, converse }: { config: Config; store: Store; hotline: Hotline; serving: Serving; records: StaffRecords; converse: Inbox['converse'] },
): Promise<void> {
  await app.register(webChat, { converse, tracking: { desk: hotline }, limits: createAddressLimits(store, { chatPerMinute: config.webChatPerAddressPerMinute }) });
  // The staff web inbox; its session cookie is Secure when the server is reached over HTTPS.
  if (config.adminUsers) {
    await app.register(adminInbox, {
      hotline,
      store,
      users: config.adminUsers,
      secureCookies: config.publicUrl !== undefined,
      knowledgeErrors: serving.refusedEdits,
      knowledge: { current: serving.knowledge, ...records, suggest: (text) => suggestEntry(serving.conversation().engine, text) },
      editors: config.knowledgeEditors,
    });
  }
}

/** What staff read besides complaints: report counts, citizens' questions (masked), who edited which entry, and the files they edit. */
interface StaffRecords {
  events: ReportEvents;
  questions: QuestionLog;
  history: KnowledgeHistory;
  files: EntryFiles;
}

function staffRecords(database: Database, hotline: Hotline, log: FastifyBaseLogger): StaffRecords {
  const history = new KnowledgeHistory(database);
  return { events: new ReportEvents(database, { log }), questions: new QuestionLog(database, hotline.now, { log }), history, files: new EntryFiles(history, hotline.now) };
}

/** Registers the webhook routes of the channels that have them; returns the polling loops of the others. */
async function receiveUpdates(app: FastifyInstance, channels: readonly Channel[], admit: Admit): Promise<Poller[]> {
  const pollers: Poller[] = [];
  for (const channel of channels) {
    const receiving = channel.receive(admit);
    if ('routes' in receiving) await app.register(receiving.routes);
    else pollers.push(receiving.poll);
  }
  return pollers;
}

interface Serving {
  /** The conversation over the knowledge served now. */
  conversation(): Conversation;
  knowledge(): KnowledgeBase;
  /** The errors of an edit refused (the last good version is served). */
  refusedEdits(): readonly string[];
  close(): void;
}

/** The knowledge served and the conversation over it; with live reload, staff edits are loaded and indexed aside, then swapped in. */
function servingKnowledge(
  config: Config,
  knowledge: KnowledgeBase,
  log: FastifyBaseLogger,
  on: { converse: (knowledge: KnowledgeBase) => Conversation; refused: (problems: readonly string[]) => void },
): Serving {
  let served = knowledge;
  let conversation = on.converse(knowledge);
  const reloader = config.knowledgeReload
    ? liveKnowledge(config, knowledge, log, {
        swap: (next) => {
          conversation = on.converse(next);
          served = next;
          next.places?.warm();
        },
        refused: on.refused,
      })
    : undefined;
  return { conversation: () => conversation, knowledge: () => served, refusedEdits: () => reloader?.refused() ?? [], close: () => reloader?.close() };
}

/** Starts the inbox, the send loop and the polling loops with the server; on close, updates stop coming in first, then what the inbox is doing finishes. */
function runWithServer(
  app: FastifyInstance,
  {
    inbox,
    sendLoop,
    pollers,
    serving,
    records,
    digest,
    thread,
    onFatal,
  }: { inbox: Inbox; sendLoop: SendLoop; pollers: readonly Poller[]; serving: Serving; records: StaffRecords; digest?: WeeklyDigest | undefined; thread?: AnsweringThread | undefined; onFatal: (error: unknown) => void },
): void {
  const polling = new AbortController();
  const loops: Promise<void>[] = [];
  app.addHook('onReady', async () => {
    await inbox.start();
    sendLoop.start();
    digest?.start();
    for (const poll of pollers) {
      loops.push(
        poll(polling.signal).catch((err: unknown) => {
          app.log.error({ err }, 'a polling loop stopped for good (check the bot token)');
          onFatal(err);
        }),
      );
    }
  });
  app.addHook('onClose', async () => {
    serving.close();
    polling.abort();
    await Promise.all(loops);
    // Nothing is handed to the thread once the routes are closed; it finishes what it is answering.
    await thread?.stop();
    await inbox.stop();
    await sendLoop.stop();
    digest?.stop();
    // The last answers' counts and questions, before the database closes (a failure is logged where they are batched).
    await Promise.all([records.events.flush().catch(() => {}), records.questions.flush().catch(() => {})]);
  });
}

/**
 * The complaint desk: deadlines in working days from the holidays file, and the targets the
 * configuration names; complaints an earlier version kept in the store are moved into the records.
 */
async function complaintDesk(config: Config, { store, database }: { store: Store; database: Database }, log: FastifyBaseLogger, onQueued: () => void): Promise<Hotline> {
  const problems: Problem[] = [];
  const holidays = await loadHolidays(config.complaints.holidaysFile, problems);
  for (const problem of problems) log.warn({ problem: formatProblem(problem) }, 'holidays: file not usable; deadlines count weekends only');
  const targets = [...(config.hotline.telegramChatId ? [TELEGRAM_GROUP_TARGET_NAME] : []), ...(config.hotline.webhook ? [WEBHOOK_TARGET_NAME] : [])];
  const hotline = new Hotline({ database, calendar: new WorkingCalendar(holidays), dueWorkingDays: config.complaints.dueWorkingDays, targets, onQueued });
  const moved = await moveStoredComplaints(store, hotline);
  if (moved > 0) log.info({ moved }, 'complaints moved from the store into the database');
  if (!config.storeUrl.startsWith('sqlite://') && database.dialect === 'sqlite') {
    log.warn({}, 'STORE_URL is shared but DATABASE_URL is a local SQLite file: other instances do not see these complaints; set DATABASE_URL=postgres://…');
  }
  return hotline;
}

/** The targets the configuration names; the staff group is posted to by the Telegram bot. */
function hotlineTargets(config: HotlineConfig, telegramGroup: HotlineTarget | undefined): HotlineTarget[] {
  const targets: HotlineTarget[] = [];
  if (telegramGroup) targets.push(telegramGroup);
  if (config.webhook) targets.push(createWebhookTarget(config.webhook));
  return targets;
}

/**
 * Webhook and polling exclude each other on Zalo: the polling loop removes a webhook, webhook
 * mode sets one, where its route is registered (the answering thread builds this channel only to send).
 */
function zaloChannel(config: BotConfig, log: FastifyBaseLogger): Channel {
  const client = new ZaloClient({ token: config.token, apiRoot: config.apiRoot });
  const sender = createZaloSender(client);
  const { webhook } = config;
  if (!webhook) return { sender, receive: (admit) => ({ poll: (signal) => runZaloPolling({ client, admit, signal, log }) }) };
  return {
    sender,
    receive: (admit) => ({
      routes: async (app) => {
        const { id: botId } = await client.getMe();
        await client.setWebhook({ url: `${webhook.publicUrl}/zalo/webhook`, secretToken: webhook.secret });
        log.info({ mode: 'webhook' }, 'zalo: connected');
        await app.register(zaloWebhook, { secret: webhook.secret, botId, admit });
      },
    }),
  };
}

/** Official Account: webhook only (Zalo pushes events); tokens live in the store, refreshed by one instance at a time. */
async function zaloOaChannel(config: ZaloOaConfig, store: Store, log: FastifyBaseLogger): Promise<Channel> {
  const oauth = new ZaloOaOAuth({ appId: config.appId, appSecretKey: config.appSecret, oauthRoot: config.oauthRoot });
  const tokens = new OaTokenManager({ store, oaId: config.oaId, oauth, log });
  await tokens.seed({ refreshToken: config.refreshToken, accessToken: config.accessToken });
  const client = new ZaloOaClient({ tokens, apiRoot: config.apiRoot });
  log.info({ mode: 'webhook', tokens: await tokens.status() }, 'zalo oa: connected');
  return {
    sender: createZaloOaSender({ client, store }),
    receive: (admit) => ({
      routes: async (app) => {
        // No older event than the update ids the inbox remembers: a replay after that would be taken as new.
        await app.register(zaloOaWebhook, { appId: config.appId, oaSecretKey: config.oaSecretKey, oaId: config.oaId, admit, replayWindowMs: DEDUP_TTL_MS });
      },
    }),
  };
}

/** The knowledge the configuration names, as served at the start and at each reload. */
function servedKnowledge(config: Config): Promise<KnowledgeBase> {
  return loadKnowledgeBase(config.knowledgeDirs, { today: today(), national: config.nationalSet });
}

/**
 * Watches the knowledge folders and hands each good new version to `swap`. A version with
 * a file error the serving one does not have is not swapped in: the last good one keeps
 * serving, and the error is logged for staff (file, line, field, problem).
 */
function liveKnowledge(
  config: Config,
  first: KnowledgeBase,
  log: FastifyBaseLogger,
  on: { swap: (next: KnowledgeBase) => void; refused: (problems: readonly string[]) => void },
): KnowledgeWatch & { refused(): readonly string[] } {
  let serving = first;
  /** The errors of the last edit refused, until a good version is taken. */
  let refused: string[] = [];
  let loading = Promise.resolve();
  const errorsOf = (kb: KnowledgeBase) => new Set(kb.problems.filter((p) => p.severity === 'error').map(formatProblem));
  const reload = async () => {
    const started = Date.now();
    const next = await servedKnowledge(config);
    const known = errorsOf(serving);
    const added = [...errorsOf(next)].filter((problem) => !known.has(problem));
    if (added.length) {
      for (const problem of added) log.error({ problem }, 'knowledge: the edit has an error; the last good version keeps serving (see: npx motcua lint)');
      if (added.join('\n') !== refused.join('\n')) on.refused(added);
      refused = added;
      return;
    }
    on.swap(next);
    serving = next;
    refused = [];
    log.info({ entries: next.entries.length, ms: Date.now() - started }, 'knowledge: reloaded');
  };
  // One reload at a time: a change during one is read by the next.
  const watching = watchKnowledge(config.knowledgeDirs, () => {
    loading = loading.then(reload).catch((err: unknown) => log.error({ err }, 'knowledge: reload failed; the last good version keeps serving'));
  });
  return { close: () => watching.close(), refused: () => refused };
}

/** Broken knowledge files are skipped, not fatal: one typo by staff never takes the bot down. */
function reportKnowledge(log: FastifyBaseLogger, knowledge: KnowledgeBase): void {
  const errors = knowledge.problems.filter((p) => p.severity === 'error');
  for (const problem of errors) log.warn({ problem: formatProblem(problem) }, 'knowledge: file skipped (see: npx motcua lint)');
  const counts = { entries: knowledge.entries.length, errors: errors.length, warnings: knowledge.problems.length - errors.length };
  if (knowledge.entries.length === 0) log.error(counts, 'knowledge: nothing loaded; every question gets the fallback answer');
  else log.info(counts, 'knowledge: loaded');
}

function localUrl(app: FastifyInstance, host: string): string {
  const { port } = app.server.address() as AddressInfo;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

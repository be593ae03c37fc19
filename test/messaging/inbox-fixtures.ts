// What the inbox tests build on: the real engine over the shipped knowledge, the
// real Conversation wrapped in a recorder (it may slow handling down, to let races
// happen), and a sender that records what it is asked to send and fails on request.
import { setTimeout as sleep } from 'node:timers/promises';
import { Conversation } from '../../src/dialogue/conversation.ts';
import type { Log } from '../../src/kernel/log.ts';
import type { Address, ChannelName, ChannelSender, Incoming, SendOutcome } from '../../src/kernel/messages.ts';
import type { Reply } from '../../src/kernel/reply.ts';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { Engine } from '../../src/search/engine.ts';
import type { Database } from '../../src/store/database.ts';
import type { Store } from '../../src/store/store.ts';
import { newDesk } from '../complaints/desk.ts';
import { channelTraits } from '../../adapters/channel-traits.ts';

let engine: Promise<Engine> | undefined;

/** Built once per test file: the index over ~90 entries takes a moment. */
export function sharedEngine(): Promise<Engine> {
  engine ??= loadKnowledgeBase(['knowledge']).then((kb) => new Engine(kb));
  return engine;
}

/** What handling looked like, possibly across several instances' conversations. */
export interface HandlingLog {
  /** Texts in the order handling began. */
  handled: string[];
  inside: number;
  /** The most handlings seen running at once. */
  mostAtOnce: number;
}

export function handlingLog(): HandlingLog {
  return { handled: [], inside: 0, mostAtOnce: 0 };
}

export interface RecorderOptions {
  /** Waited inside handling, per message. */
  delayMs?: (incoming: Incoming) => number;
  log?: HandlingLog;
}

/** The real Conversation over `store`, its complaint desk on `database`, recorded into `log` (a new one unless given). */
export async function recordConversation(store: Store, database: Database, options: RecorderOptions = {}): Promise<Pick<Conversation, 'handle'> & { log: HandlingLog }> {
  const { delayMs = () => 0, log = handlingLog() } = options;
  const conversation = new Conversation({ traits: channelTraits, engine: await sharedEngine(), store, sessionTtlMs: 3600_000, hotline: newDesk(database) });
  return {
    log,
    async handle(incoming) {
      log.handled.push(incoming.text ?? `[${incoming.action}]`);
      log.mostAtOnce = Math.max(log.mostAtOnce, ++log.inside);
      try {
        await sleep(delayMs(incoming));
        return await conversation.handle(incoming);
      } finally {
        log.inside -= 1;
      }
    },
  };
}

export interface RecordingSender extends ChannelSender {
  readonly sent: { address: Address; replies: readonly Reply[] }[];
  /** Every send attempt, successful or not. */
  attempts: number;
  /** The next sends answer these outcomes, in order; then sends succeed again. */
  failNext(...outcomes: SendOutcome[]): void;
}

export function recordingSender(channel: ChannelName = 'telegram'): RecordingSender {
  const scripted: SendOutcome[] = [];
  const sender: RecordingSender = {
    channel,
    sent: [],
    attempts: 0,
    failNext: (...outcomes) => void scripted.push(...outcomes),
    async send(address, replies) {
      sender.attempts += 1;
      const outcome = scripted.shift() ?? { ok: true };
      if (outcome.ok) sender.sent.push({ address, replies });
      return outcome;
    },
  };
  return sender;
}

export function message(chatId: string, updateId: string | number, text: string, channel: ChannelName = 'telegram'): Incoming {
  return { address: { channel, chatId }, updateId: String(updateId), text, receivedAt: Date.now() };
}

/** A log that keeps what it is told, for assertions (and keeps test output quiet). */
export function memoryLog(): Log & { lines: { level: string; message: string; fields: object }[] } {
  const lines: { level: string; message: string; fields: object }[] = [];
  const at = (level: string) => (fields: object, message: string) => void lines.push({ level, message, fields });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

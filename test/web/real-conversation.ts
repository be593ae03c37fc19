// A real Conversation for the web chat tests: the engine over the shipped
// knowledge/ and a SQLite store and database in a throwaway directory, counting
// report events and keeping questions as the server does.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Conversation } from '../../src/dialogue/conversation.ts';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { Engine } from '../../src/search/engine.ts';
import { openDatabase } from '../../src/store/database.ts';
import { openStore } from '../../src/store/open-store.ts';
import { QuestionLog } from '../../src/store/question-log.ts';
import { ReportEvents } from '../../src/store/report-events.ts';
import { newDesk } from '../complaints/desk.ts';
import { channelTraits } from '../../adapters/channel-traits.ts';

export interface RealConversation {
  conversation: Conversation;
  engine: Engine;
  close(): Promise<void>;
}

export async function realConversation(): Promise<RealConversation> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-web-'));
  const store = await openStore(`sqlite://${join(dir, 'store.sqlite')}`);
  const database = await openDatabase(`sqlite://${join(dir, 'records.sqlite')}`);
  const engine = new Engine(await loadKnowledgeBase(['knowledge']));
  const events = new ReportEvents(database);
  const questions = new QuestionLog(database);
  return {
    conversation: new Conversation({ traits: channelTraits, engine, store, sessionTtlMs: 3600_000, hotline: newDesk(database), events, questions }),
    engine,
    async close() {
      await Promise.all([events.flush(), questions.flush()]);
      await store.close();
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A question the engine answers by asking which of several entries was meant, and those entries' titles. */
export function clarifyingQuestion(engine: Engine, text = 'sổ đỏ'): string[] {
  const decision = engine.decide(text);
  if (decision.outcome !== 'clarify') throw new Error(`"${text}" no longer gets a clarification (${decision.outcome}); pick another question for the web tests`);
  return engine.clarifyChoices(decision).map((c) => c.entry.title);
}

// The knowledge pages' desk as tests use it: a copy of the shipped curated knowledge in a
// folder of its own (edits write files), the real question log, history and file writer
// on the given database, and a reload that reads the folder again, as the live reload does.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KnowledgeDesk } from '../../adapters/admin/knowledge-routes.ts';
import { EntryFiles } from '../../src/curation/entry-file.ts';
import { suggestEntry } from '../../src/curation/question-groups.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { Engine } from '../../src/search/engine.ts';
import type { Database } from '../../src/store/database.ts';
import { KnowledgeHistory } from '../../src/store/knowledge-history.ts';
import { QuestionLog } from '../../src/store/question-log.ts';
import { ReportEvents } from '../../src/store/report-events.ts';

const COPIED = ['procedures', 'faq', 'lexicon.yaml', 'locality.yaml'];

export interface TestDesk {
  /** The folder the knowledge was copied to. */
  dir: string;
  knowledge(): KnowledgeBase;
  events: ReportEvents;
  questions: QuestionLog;
  /** The desk for inboxApp's `knowledge` option (its clock is the inbox's). */
  desk(now: () => number): KnowledgeDesk;
  /** Reads the folder again and serves what it holds. */
  reload(): Promise<void>;
  cleanup(): void;
}

export async function testDesk(database: Database): Promise<TestDesk> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-desk-'));
  for (const name of COPIED) cpSync(join('knowledge', name), join(dir, name), { recursive: true });
  let knowledge = await loadKnowledgeBase([dir]);
  let engine = new Engine(knowledge);
  const events = new ReportEvents(database);
  const clock = { now: () => Date.now() };
  const questions = new QuestionLog(database, () => clock.now());
  const history = new KnowledgeHistory(database);
  return {
    dir,
    knowledge: () => knowledge,
    events,
    questions,
    desk(now) {
      clock.now = now;
      return { current: () => knowledge, events, questions, history, files: new EntryFiles(history, now), suggest: (text) => suggestEntry(engine, text) };
    },
    async reload() {
      knowledge = await loadKnowledgeBase([dir]);
      engine = new Engine(knowledge);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

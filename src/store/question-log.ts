// The citizens' questions staff read: each typed question that got an answer, a "which
// one?" list or the fallback, already masked by the dialogue, with what became of it (a
// pick from the list, a rating). The unanswered ones feed the staff's loop (group them,
// attach them to an entry, or set them aside); the answered ones show which questions
// reached an entry. Kept QUESTIONS_KEPT_DAYS, then deleted.
import { Batches, type BatchOptions } from './batches.ts';
import type { Database } from './database.ts';

export const QUESTIONS_KEPT_DAYS = 90;
const DAY_MS = 24 * 3600_000;
/** A list shown this recently may still be answered: it is not counted as abandoned yet. */
export const LIST_OPEN_MS = 30 * 60_000;
const PRUNE_EVERY_MS = 3600_000;

export type QuestionOutcome = 'answer' | 'clarify' | 'fallback';

export interface AskedQuestion {
  id: string;
  at: number;
  channel: string;
  /** Masked already. */
  text: string;
  outcome: QuestionOutcome;
  entryId?: string;
}

/** A question staff may act on: it got the fallback, a list nobody answered, or an answer rated not useful. */
export interface UnansweredQuestion {
  id: string;
  at: number;
  text: string;
  why: 'fallback' | 'abandoned_list' | 'not_useful';
  entryId: string | null;
}

type Change = { op: 'ask'; question: AskedQuestion } | { op: 'pick'; id: string; entryId: string } | { op: 'rate'; id: string; rating: 'useful' | 'not_useful' };

export class QuestionLog {
  private readonly batches: Batches<Change>;
  private prunedAt = 0;

  constructor(
    private readonly database: Database,
    private readonly now: () => number = Date.now,
    options: BatchOptions = {},
  ) {
    this.batches = new Batches((batch) => this.write(batch), 'questions', options);
  }

  /** Keeps the question (written with others a moment later). */
  ask(question: AskedQuestion): void {
    this.batches.add({ op: 'ask', question });
  }

  /** The list the question got was answered by picking `entryId`. */
  picked(id: string, entryId: string): void {
    this.batches.add({ op: 'pick', id, entryId });
  }

  rated(id: string, rating: 'useful' | 'not_useful'): void {
    this.batches.add({ op: 'rate', id, rating });
  }

  flush(): Promise<void> {
    return this.batches.flush();
  }

  /** The questions that got (or picked) `entryId` since `since`, the most asked first, with counts. */
  async reached(entryId: string, since: number, limit = 20): Promise<Array<{ text: string; count: number }>> {
    await this.flush();
    const rows = await this.database.db
      .selectFrom('questions')
      .select((eb) => ['text', eb.fn.countAll<number>().as('n')])
      .where('entry_id', '=', entryId)
      .where('at', '>=', since)
      .where('outcome', 'in', ['answer', 'picked'])
      .groupBy('text')
      .orderBy('n', 'desc')
      .orderBy('text')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ text: row.text, count: Number(row.n) }));
  }

  /** Questions since `since` that staff have not handled, newest first. */
  async unanswered(since: number, limit = 2_000): Promise<UnansweredQuestion[]> {
    await this.flush();
    const listClosed = this.now() - LIST_OPEN_MS;
    const rows = await this.database.db
      .selectFrom('questions')
      .select(['id', 'at', 'text', 'outcome', 'rating', 'entry_id'])
      .where('handled', 'is', null)
      .where('at', '>=', since)
      .where((eb) => eb.or([eb('outcome', '=', 'fallback'), eb.and([eb('outcome', '=', 'clarify'), eb('at', '<', listClosed)]), eb('rating', '=', 'not_useful')]))
      .orderBy('at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ id: row.id, at: Number(row.at), text: row.text, entryId: row.entry_id, why: row.rating === 'not_useful' ? 'not_useful' : row.outcome === 'fallback' ? 'fallback' : 'abandoned_list' }));
  }

  /** Marks the questions as handled by staff (attached to an entry, or out of scope): they leave the loop. */
  async handle(ids: readonly string[], handled: string, by: string): Promise<void> {
    if (ids.length === 0) return;
    await this.flush();
    await this.database.db.updateTable('questions').set({ handled, handled_by: by, handled_at: this.now() }).where('id', 'in', [...ids]).execute();
  }

  private async write(batch: Change[]): Promise<void> {
    const asked = batch.flatMap((change) => (change.op === 'ask' ? [change.question] : []));
    await this.database.db.transaction().execute(async (trx) => {
      if (asked.length) {
        const rows = asked.map((q) => ({ id: q.id, at: q.at, channel: q.channel, text: q.text, outcome: q.outcome, entry_id: q.entryId ?? null }));
        await trx.insertInto('questions').values(rows).onConflict((oc) => oc.column('id').doNothing()).execute();
      }
      for (const change of batch) {
        if (change.op === 'pick') await trx.updateTable('questions').set({ outcome: 'picked', entry_id: change.entryId }).where('id', '=', change.id).execute();
        if (change.op === 'rate') await trx.updateTable('questions').set({ rating: change.rating }).where('id', '=', change.id).execute();
      }
      await this.prune(trx);
    });
  }

  /** At most once an hour: questions older than QUESTIONS_KEPT_DAYS are deleted. */
  private async prune(trx: Pick<Database['db'], 'deleteFrom'>): Promise<void> {
    const now = this.now();
    if (now - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = now;
    await trx.deleteFrom('questions').where('at', '<', now - QUESTIONS_KEPT_DAYS * DAY_MS).execute();
  }
}

// Who changed which knowledge entry from /admin, when, and what: each field with its
// value before and after. The files themselves stay the source of truth; this is the
// record staff read on the entry's page.
import type { Database } from './database.ts';

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface KnowledgeChange {
  at: number;
  actor: string;
  entryId: string;
  /** 'edit' (the form), 'questions' or 'aliases' (questions attached from the unanswered loop). */
  action: string;
  changes: FieldChange[];
}

export class KnowledgeHistory {
  constructor(private readonly database: Database) {}

  async add(change: KnowledgeChange): Promise<void> {
    await this.database.db
      .insertInto('knowledge_history')
      .values({ at: change.at, actor: change.actor, entry_id: change.entryId, action: change.action, changes: JSON.stringify(change.changes) })
      .execute();
  }

  /** The entry's changes, newest first. */
  async of(entryId: string, limit = 50): Promise<KnowledgeChange[]> {
    const rows = await this.database.db
      .selectFrom('knowledge_history')
      .selectAll()
      .where('entry_id', '=', entryId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ at: Number(row.at), actor: row.actor, entryId: row.entry_id, action: row.action, changes: JSON.parse(row.changes) as FieldChange[] }));
  }
}

// The records' schema, one migration a step, applied in order at start by every
// instance (Kysely's migrator takes a lock, so two instances starting together
// apply each step once). A step, once released, is never edited: a change is a new step.
import type { Kysely, Migration, MigrationProvider } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** The steps for one dialect; bigint for times, since milliseconds since 1970 do not fit PostgreSQL's integer. */
function steps(dialect: Dialect): Record<string, Migration> {
  return {
    '001-complaints-jobs-events': {
      async up(db: Kysely<unknown>) {
        await createComplaints(db);
        await createComplaintHistory(db);
        await createJobs(db);
        await createEvents(db, dialect);
      },
    },
    '002-questions-knowledge-history': {
      async up(db: Kysely<unknown>) {
        await createQuestions(db);
        await createKnowledgeHistory(db, dialect);
      },
    },
  };
}

// ---- Step 001's tables, one function each: part of a released step, they are never edited either ----

async function createComplaints(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('complaints')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('submission_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('assignee', 'text')
    .addColumn('send_failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('overdue_notified_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaints_newest').on('complaints').columns(['created_at desc', 'code desc']).execute();
  // Covers the views' counts (status, overdue, failed sends) without reading the rows.
  await db.schema.createIndex('complaints_status').on('complaints').columns(['status', 'due_date', 'send_failed']).execute();
}

async function createComplaintHistory(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('complaint_history')
    .addColumn('code', 'text', (c) => c.notNull().references('complaints.code'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('complaint_history_pk', ['code', 'seq'])
    .execute();
}

async function createJobs(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('event', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('lease_until', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_token', 'text')
    .addPrimaryKeyConstraint('jobs_pk', ['kind', 'id'])
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['kind', 'due_at']).execute();
}

async function createEvents(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('events')
    // SQLite numbers an integer primary key itself; PostgreSQL needs a sequence.
    .addColumn('id', dialect === 'sqlite' ? 'integer' : 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text')
    .execute();
  await db.schema.createIndex('events_at').on('events').columns(['at']).execute();
}

// ---- Step 002: the questions staff read (unanswered ones, those that reached an entry) and who changed which entry ----

async function createQuestions(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text')
    .addColumn('rating', 'text')
    .addColumn('handled', 'text')
    .addColumn('handled_by', 'text')
    .addColumn('handled_at', 'bigint')
    .execute();
  await db.schema.createIndex('questions_at').on('questions').columns(['at']).execute();
  await db.schema.createIndex('questions_entry').on('questions').columns(['entry_id', 'at']).execute();
}

async function createKnowledgeHistory(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('knowledge_history')
    .addColumn('id', dialect === 'sqlite' ? 'integer' : 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('knowledge_history_entry').on('knowledge_history').columns(['entry_id', 'at']).execute();
}

export function migrationsFor(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => steps(dialect) };
}

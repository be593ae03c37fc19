// The SQL tables of the records (complaints, their history, the jobs that send
// notices about them, the events reports count, the questions staff read and the
// history of knowledge edits), as Kysely sees them. Times
// are milliseconds since the epoch; booleans are 0/1 so that SQLite and
// PostgreSQL read the same.
import type { Generated } from 'kysely';

export interface ComplaintsTable {
  code: string;
  /** Makes a retried submission find the complaint it already made. */
  submission_key: string | null;
  created_at: number;
  status: string;
  /** YYYY-MM-DD */
  due_date: string;
  channel: string;
  assignee: string | null;
  /** 1 when a hotline target or the citizen's notice gave up: staff must act. */
  send_failed: number;
  overdue_notified_at: number | null;
  /** Raised by every write: a write based on an older read is refused and tried again. */
  version: number;
  /** The rest of the complaint as JSON (its history lives in complaint_history). */
  record: string;
}

export interface ComplaintHistoryTable {
  code: string;
  /** Position in the complaint's history, from 0. */
  seq: number;
  at: number;
  actor: string;
  action: string;
  note: string | null;
}

export interface JobsTable {
  /** 'hotline' or 'citizen'. */
  kind: string;
  id: string;
  code: string;
  target: string | null;
  event: string | null;
  created_at: number;
  /** When the job may next be tried. */
  due_at: number;
  /** Tries at the notices whose outcome the complaint does not hold (overdue, reply failed). */
  attempts: number;
  /** JSON: the last try's error, as a code. */
  last_error: string | null;
  /** A job is worked on by one instance until then; 0 when nobody holds it. */
  lease_until: number;
  lease_token: string | null;
}

export interface EventsTable {
  id: Generated<number>;
  at: number;
  /** 'message' or 'rating'. */
  kind: string;
  channel: string;
  /** What the bot did (answer, clarify, fallback, …) or the rating given (useful, not_useful). */
  outcome: string;
  /** The knowledge entry concerned, if any. */
  entry_id: string | null;
}

/** A citizen's question, masked, with what the bot did; kept for staff for a limited time. */
export interface QuestionsTable {
  id: string;
  at: number;
  channel: string;
  /** The message with personal data masked. */
  text: string;
  /** 'answer', 'clarify' (a "which one?" list), 'picked' (a list answered by a pick) or 'fallback'. */
  outcome: string;
  /** The entry answered or picked. */
  entry_id: string | null;
  /** 'useful' or 'not_useful', when the answer was rated. */
  rating: string | null;
  /** What staff did with it: 'questions:<entry>', 'aliases:<entry>' or 'out_of_scope'. */
  handled: string | null;
  handled_by: string | null;
  handled_at: number | null;
}

export interface KnowledgeHistoryTable {
  id: Generated<number>;
  at: number;
  /** The staff member. */
  actor: string;
  entry_id: string;
  /** 'edit', 'questions' or 'aliases'. */
  action: string;
  /** JSON: the fields changed, each with its value before and after. */
  changes: string;
}

export interface Tables {
  complaints: ComplaintsTable;
  complaint_history: ComplaintHistoryTable;
  jobs: JobsTable;
  events: EventsTable;
  questions: QuestionsTable;
  knowledge_history: KnowledgeHistoryTable;
}

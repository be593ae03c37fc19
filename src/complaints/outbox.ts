// What waits to be sent about complaints: rows of the jobs table that the send
// loop (send-loop.ts) works through: notices to the hotline's targets (Telegram
// staff group, webhook) and notices to the citizen about a staff action. A job
// names the complaint, not its content: what goes out is read when it is sent.
// A job is queued in the same transaction as the change it tells of, and taken
// by one instance at a time under a lease (row locks on PostgreSQL).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.ts';
import type { JobsTable, Tables } from '../store/tables.ts';
import type { Complaint, LastError } from './complaint.ts';

export type HotlineEventType = 'new' | 'overdue' | 'reply_failed';

export interface HotlineJob {
  kind: 'hotline';
  code: string;
  target: string;
  event: HotlineEventType;
}

export interface CitizenJob {
  kind: 'citizen';
  code: string;
  /** Which staff action it tells of: the complaint's history length after it. */
  step: number;
}

export type Job = HotlineJob | CitizenJob;
export type JobKind = Job['kind'];

/** A job with when it may first be tried. */
export type NewJob = Job & { dueAt: number };

/** A job this instance holds until it is finished or put back. */
export type HeldJob<J extends Job = Job> = J & { id: string; attempts: number; lastError?: LastError; token: string };

export interface HotlineEvent {
  type: HotlineEventType;
  complaint: Complaint;
}

export type TargetOutcome = { ok: true } | { ok: false; error: string };

/** A place the hotline hears of complaints: its deliver() resolves, never throws, with the outcome. */
export interface HotlineTarget {
  readonly name: string;
  deliver(event: HotlineEvent): Promise<TargetOutcome>;
}

/** One job per complaint, target and event (hotline), or per complaint and staff action (citizen). */
export function jobId(job: Job): string {
  return job.kind === 'hotline' ? `${job.code}:${job.target}:${job.event}` : `${job.code}:${job.step}`;
}

/** Queues `jobs` within `trx`; a job already queued keeps its place (queueing is idempotent). */
export async function insertJobs(trx: Kysely<Tables>, jobs: readonly NewJob[]): Promise<void> {
  if (jobs.length === 0) return;
  const rows = jobs.map((job) => ({
    kind: job.kind,
    id: jobId(job),
    code: job.code,
    target: job.kind === 'hotline' ? job.target : null,
    event: job.kind === 'hotline' ? job.event : null,
    created_at: job.dueAt,
    due_at: job.dueAt,
    attempts: 0,
    lease_until: 0,
  }));
  await trx.insertInto('jobs').values(rows).onConflict((oc) => oc.doNothing()).execute();
}

export class Outbox {
  constructor(private readonly database: Database) {}

  queue(jobs: readonly NewJob[]): Promise<void> {
    return insertJobs(this.database.db, jobs);
  }

  /**
   * Takes up to `limit` jobs of `kind` due at `now` that no live lease holds, for `leaseMs`.
   * One statement: two instances never take the same job (on PostgreSQL the rows are locked
   * and skipped by the other; SQLite has one writer at a time).
   */
  async take<K extends JobKind>(kind: K, now: number, leaseMs: number, limit: number): Promise<HeldJob<Extract<Job, { kind: K }>>[]> {
    const { db, dialect } = this.database;
    const token = randomUUID();
    let due = db.selectFrom('jobs').select('id').where('kind', '=', kind).where('due_at', '<=', now).where('lease_until', '<=', now).orderBy('due_at').limit(limit);
    if (dialect === 'postgres') due = due.forUpdate().skipLocked();
    const rows = await db
      .updateTable('jobs')
      .set({ lease_until: now + leaseMs, lease_token: token })
      .where('kind', '=', kind)
      .where('id', 'in', due)
      .where('lease_until', '<=', now)
      .returningAll()
      .execute();
    return rows.sort((a, b) => a.due_at - b.due_at).map((row) => held(row, token) as HeldJob<Extract<Job, { kind: K }>>);
  }

  /** Puts a held job back, to be tried at `dueAt`, with what this try gave. */
  async retryAt(job: HeldJob, dueAt: number, outcome: { attempts: number; lastError?: LastError } = job): Promise<void> {
    const lastError = outcome.lastError === undefined ? null : JSON.stringify(outcome.lastError);
    await this.held(job).set({ due_at: dueAt, attempts: outcome.attempts, last_error: lastError, lease_until: 0, lease_token: null }).execute();
  }

  /** The job is done (delivered, given up, or nothing left to send). */
  async finish(job: HeldJob): Promise<void> {
    await this.database.db.deleteFrom('jobs').where('kind', '=', job.kind).where('id', '=', job.id).where('lease_token', '=', job.token).execute();
  }

  /** Jobs waiting, by kind (for tests and the health of the queue). */
  async waiting(kind: JobKind): Promise<Job[]> {
    const rows = await this.database.db.selectFrom('jobs').selectAll().where('kind', '=', kind).orderBy('created_at').orderBy('id').execute();
    return rows.map((row) => toJob(row));
  }

  private held(job: HeldJob) {
    return this.database.db.updateTable('jobs').where('kind', '=', job.kind).where('id', '=', job.id).where('lease_token', '=', job.token);
  }
}

function toJob(row: JobsTable): Job {
  return row.kind === 'hotline'
    ? { kind: 'hotline', code: row.code, target: row.target!, event: row.event as HotlineEventType }
    : { kind: 'citizen', code: row.code, step: Number(row.id.slice(row.code.length + 1)) };
}

function held(row: JobsTable, token: string): HeldJob {
  return { ...toJob(row), id: row.id, attempts: row.attempts, ...(row.last_error ? { lastError: JSON.parse(row.last_error) as LastError } : {}), token };
}

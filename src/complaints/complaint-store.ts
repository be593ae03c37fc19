// Where complaints are kept: a row per tracking code with the columns staff filter
// and sort on, the rest of the record as JSON, and its history a row per event.
// A change is a read, then a write that only goes through if nobody wrote in
// between (a version number); otherwise it is read and applied again. So two staff
// (or two instances) acting on one complaint at once are applied one after the
// other, and the second sees what the first did. Jobs a change causes are queued
// in the same transaction.
import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from '../store/database.ts';
import type { ComplaintsTable, Tables } from '../store/tables.ts';
import { hasFailedSend, OPEN_STATUSES, STATUSES, type Complaint, type HistoryEvent, type Status } from './complaint.ts';
import { insertJobs, type NewJob } from './outbox.ts';

/** The views staff pick from: everything, the open ones, one status, overdue, or a send that gave up. */
export type ComplaintFilter = 'all' | 'open' | Status | 'overdue' | 'failed';

/** A change refused (a string saying why), or the new record. */
export type Change = (complaint: Complaint) => Complaint | string;
export type UpdateResult = { ok: true; complaint: Complaint; before: Complaint } | { ok: false; reason: string };

export interface PageRequest {
  filter: ComplaintFilter;
  /** Today's date in Vietnam (YYYY-MM-DD), for "overdue". */
  today: string;
  /** From 1. */
  page: number;
  size: number;
}

export interface Page {
  complaints: Complaint[];
  /** How many the filter matches in all. */
  total: number;
}

// Writes to one complaint are a person's clicks: a handful of retries covers any real contention.
const UPDATE_TRIES = 20;
const EACH_BATCH = 500;

type Stored = Omit<Complaint, 'history'>;

export class ComplaintStore {
  constructor(private readonly database: Database) {}

  /**
   * Stores a new complaint with the jobs that announce it. Returns the stored one: this
   * one, or the one a submission with the same key stored before (a retried submission).
   * Undefined when its code is taken (the caller draws another).
   */
  async add(complaint: Complaint, options: { submissionKey?: string; jobs?: readonly NewJob[] } = {}): Promise<Complaint | undefined> {
    const key = options.submissionKey ?? null;
    if (key !== null) {
      const earlier = await this.bySubmission(key);
      if (earlier) return earlier;
    }
    const added = await this.database.db.transaction().execute(async (trx) => {
      const result = await trx
        .insertInto('complaints')
        .values({ ...complaintRow(complaint), submission_key: key, version: 1 })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
      await appendHistory(trx, complaint.code, complaint.history, 0);
      await insertJobs(trx, options.jobs ?? []);
      return true;
    });
    if (added) return complaint;
    // The same key submitted at the same moment by another instance, or a code clash.
    return key === null ? undefined : this.bySubmission(key);
  }

  get(code: string): Promise<Complaint | undefined> {
    return this.findBy('code', code);
  }

  /** One page of the complaints `filter` matches, newest first. */
  async page({ filter, today, page, size }: PageRequest): Promise<Page> {
    const { db } = this.database;
    const matching = where(db.selectFrom('complaints'), filter, today);
    const [rows, count] = await Promise.all([
      matching
        .select(['code', 'record'])
        .orderBy('created_at', 'desc')
        .orderBy('code', 'desc')
        .limit(size)
        .offset((Math.max(1, page) - 1) * size)
        .execute(),
      matching.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { complaints: await this.withHistory(rows), total: Number(count.n) };
  }

  /** How many complaints each view holds, counted in one pass. */
  async counts(today: string): Promise<Map<ComplaintFilter, number>> {
    const rows = await this.database.db
      .selectFrom('complaints')
      .select((eb) => [
        'status',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(eb.case().when(overdue(eb, today)).then(1).else(0).end()).as('overdue'),
        eb.fn.sum<number>('send_failed').as('failed'),
      ])
      .groupBy('status')
      .execute();
    const counts = new Map<ComplaintFilter, number>([['all', 0], ['open', 0], ['overdue', 0], ['failed', 0], ...STATUSES.map((status) => [status, 0] as const)]);
    const add = (filter: ComplaintFilter, n: number | string | null) => counts.set(filter, counts.get(filter)! + Number(n ?? 0));
    for (const row of rows) {
      add('all', row.n);
      add(row.status as Status, row.n);
      if (OPEN_STATUSES.includes(row.status as Status)) add('open', row.n);
      add('overdue', row.overdue);
      add('failed', row.failed);
    }
    return counts;
  }

  /** Every complaint `filter` matches, oldest first, read a batch at a time. */
  async *each(filter: ComplaintFilter, today: string): AsyncGenerator<Complaint> {
    let after: { createdAt: number; code: string } | undefined;
    for (;;) {
      let query = where(this.database.db.selectFrom('complaints'), filter, today);
      if (after) {
        const { createdAt, code } = after;
        query = query.where((eb) => eb.or([eb('created_at', '>', createdAt), eb.and([eb('created_at', '=', createdAt), eb('code', '>', code)])]));
      }
      const rows = await query.select(['code', 'record', 'created_at']).orderBy('created_at').orderBy('code').limit(EACH_BATCH).execute();
      yield* await this.withHistory(rows);
      if (rows.length < EACH_BATCH) return;
      const last = rows[rows.length - 1]!;
      after = { createdAt: last.created_at, code: last.code };
    }
  }

  /** Codes of the open complaints past their due date that staff have not yet been told of. */
  async overdueUnflagged(today: string): Promise<string[]> {
    const rows = await where(this.database.db.selectFrom('complaints'), 'overdue', today).select('code').where('overdue_notified_at', 'is', null).execute();
    return rows.map((row) => row.code);
  }

  /**
   * Applies `change` to the current record and queues the jobs `jobs` names for the
   * result, in one transaction; a write that lost a race is read and applied again.
   */
  async update(code: string, change: Change, jobs?: (after: Complaint) => readonly NewJob[]): Promise<UpdateResult> {
    for (let tries = 0; tries < UPDATE_TRIES; tries++) {
      const row = await this.database.db.selectFrom('complaints').select(['code', 'record', 'version']).where('code', '=', code).executeTakeFirst();
      if (!row) return { ok: false, reason: `no complaint ${code}` };
      const [before] = await this.withHistory([row]);
      const after = change(before!);
      if (typeof after === 'string') return { ok: false, reason: after };
      const written = await this.database.db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('complaints')
          .set({ ...complaintRow(after), version: row.version + 1 })
          .where('code', '=', code)
          .where('version', '=', row.version)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        await rewriteHistory(trx, code, before!, after);
        await insertJobs(trx, jobs?.(after) ?? []);
        return true;
      });
      if (written) return { ok: true, complaint: after, before: before! };
    }
    throw new Error(`complaint ${code}: still changing after ${UPDATE_TRIES} tries`);
  }

  private bySubmission(key: string): Promise<Complaint | undefined> {
    return this.findBy('submission_key', key);
  }

  private async findBy(column: 'code' | 'submission_key', value: string): Promise<Complaint | undefined> {
    const row = await this.database.db.selectFrom('complaints').select(['code', 'record']).where(column, '=', value).executeTakeFirst();
    return row ? (await this.withHistory([row]))[0] : undefined;
  }

  /** The complaints of `rows`, in their order, each with its history (one query for all). */
  private async withHistory(rows: readonly { code: string; record: string }[]): Promise<Complaint[]> {
    if (rows.length === 0) return [];
    const events = await this.database.db
      .selectFrom('complaint_history')
      .selectAll()
      .where(
        'code',
        'in',
        rows.map((row) => row.code),
      )
      .orderBy('code')
      .orderBy('seq')
      .execute();
    const history = new Map<string, HistoryEvent[]>();
    for (const event of events) {
      const list = history.get(event.code) ?? [];
      list.push({ at: event.at, by: event.actor, action: event.action, ...(event.note !== null ? { note: event.note } : {}) });
      history.set(event.code, list);
    }
    return rows.map((row) => ({ ...(JSON.parse(row.record) as Stored), history: history.get(row.code) ?? [] }));
  }
}

/** The row's columns for `complaint` (all but its submission key, version and history). */
export function complaintRow(complaint: Complaint): Omit<ComplaintsTable, 'submission_key' | 'version'> {
  const { history: _history, ...stored } = complaint;
  return {
    code: complaint.code,
    created_at: complaint.createdAt,
    status: complaint.status,
    due_date: complaint.dueDate,
    channel: complaint.address.channel,
    assignee: complaint.assignee ?? null,
    send_failed: hasFailedSend(complaint) ? 1 : 0,
    overdue_notified_at: complaint.overdueNotifiedAt ?? null,
    record: JSON.stringify(stored),
  };
}

function where<O>(query: SelectQueryBuilder<Tables, 'complaints', O>, filter: ComplaintFilter, today: string): SelectQueryBuilder<Tables, 'complaints', O> {
  switch (filter) {
    case 'all':
      return query;
    case 'open':
      return query.where('status', 'in', OPEN_STATUSES);
    case 'overdue':
      return query.where((eb) => overdue(eb, today));
    case 'failed':
      return query.where('send_failed', '=', 1);
    default:
      return query.where('status', '=', filter);
  }
}

/** Open and past its due date (isOverdue in SQL). */
function overdue(eb: ExpressionBuilder<Tables, 'complaints'>, today: string) {
  return eb.and([eb('status', 'in', OPEN_STATUSES), eb('due_date', '<', today)]);
}

async function appendHistory(trx: Kysely<Tables>, code: string, history: readonly HistoryEvent[], from: number): Promise<void> {
  const rows = history.slice(from).map((event, i) => ({ code, seq: from + i, at: event.at, actor: event.by, action: event.action, note: event.note ?? null }));
  if (rows.length > 0) await trx.insertInto('complaint_history').values(rows).execute();
}

/** History only grows, except that erasing personal data drops the notes staff wrote. */
async function rewriteHistory(trx: Kysely<Tables>, code: string, before: Complaint, after: Complaint): Promise<void> {
  if (after.erasedAt !== undefined && before.erasedAt === undefined) {
    await trx.updateTable('complaint_history').set({ note: null }).where('code', '=', code).execute();
  }
  await appendHistory(trx, code, after.history, before.history.length);
}

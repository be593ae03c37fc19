// Where complaints are kept: one record per tracking code, plus an index in arrival
// order for the staff list and exports. Every change is a read-modify-write under a
// per-complaint lock held in the store, so two staff (or two app instances on one
// Redis) acting on the same complaint at once are applied one after the other and
// the second sees what the first did.
import { createChatLock, type ChatLock } from '../store/chat-lock.ts';
import type { Store } from '../store/store.ts';
import type { Complaint } from './complaint.ts';

const RECORDS = 'complaints';
const INDEX = 'complaint-index';
/** Tracking codes handed out, claimed so that two instances never give out the same one. */
const CODES = 'complaint-codes';
const CODE_KEPT_MS = 100 * 365 * 24 * 3600_000;
// A change is a read and a write: far below a second. The lock outlives a crashed holder by seconds only.
const LOCK = { ttlMs: 15_000, retryMs: 10, waitMs: 20_000 };

/** A change refused (a string saying why), or the new record. */
export type Change = (complaint: Complaint) => Complaint | string;
export type UpdateResult = { ok: true; complaint: Complaint; before: Complaint } | { ok: false; reason: string };

export class ComplaintStore {
  private readonly lock: ChatLock;

  constructor(private readonly store: Store) {
    this.lock = createChatLock(store, LOCK);
  }

  /** True when `code` was free and is now reserved for a new complaint. */
  reserveCode(code: string): Promise<boolean> {
    return this.store.claim(CODES, code, code, CODE_KEPT_MS);
  }

  /**
   * Stores a new complaint durably, unless one with its code is stored already (a
   * submission retried); returns the one stored. The index entry goes first: a crash
   * between the two writes leaves an index entry without a record (skipped), never a
   * record staff cannot list.
   */
  addOnce(complaint: Complaint): Promise<Complaint> {
    return this.lock.run(`complaint:${complaint.code}`, async () => {
      const stored = await this.get(complaint.code);
      if (stored) return stored;
      await this.store.enqueue(INDEX, complaint.code, complaint.createdAt);
      await this.store.set(RECORDS, complaint.code, complaint);
      return complaint;
    });
  }

  get(code: string): Promise<Complaint | undefined> {
    return this.store.get<Complaint>(RECORDS, code);
  }

  /** Every complaint, oldest first. */
  async all(): Promise<Complaint[]> {
    const index = await this.store.pending<number>(INDEX);
    const records = await Promise.all(index.map((item) => this.get(item.id)));
    return records.filter((record): record is Complaint => record !== undefined);
  }

  /** Applies `change` to the current record, one change per complaint at a time across instances. */
  update(code: string, change: Change): Promise<UpdateResult> {
    return this.lock.run(`complaint:${code}`, async () => {
      const before = await this.get(code);
      if (!before) return { ok: false, reason: `no complaint ${code}` };
      const after = change(before);
      if (typeof after === 'string') return { ok: false, reason: after };
      await this.store.set(RECORDS, code, after);
      return { ok: true, complaint: after, before };
    });
  }
}

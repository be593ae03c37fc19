// Complaints kept by earlier versions in the key-value store (a record per code,
// an index queue, two outbox queues) are moved into the records' tables at start.
// Each is added before it is deleted, and adding is idempotent, so a crash midway
// or two instances starting together move each complaint once.
import type { Store } from '../store/store.ts';
import type { Complaint } from './complaint.ts';
import type { ComplaintStore } from './complaint-store.ts';
import type { HotlineEventType, Outbox } from './outbox.ts';

/** Where they go (the Hotline is one). */
export interface Records {
  complaints: ComplaintStore;
  outbox: Outbox;
  now: () => number;
}

const RECORDS = 'complaints';
const INDEX = 'complaint-index';
const HOTLINE_OUTBOX = 'hotline-outbox';
const CITIZEN_OUTBOX = 'citizen-outbox';

/** Moves what the store holds of the old layout; returns how many complaints it moved. */
export async function moveStoredComplaints(store: Store, hotline: Records): Promise<number> {
  let moved = 0;
  for (const { id: code } of await store.pending<number>(INDEX)) {
    const complaint = await store.get<Complaint>(RECORDS, code);
    // Undefined: its code is in the tables already (moved before a crash).
    if (complaint && (await hotline.complaints.add(complaint))) moved++;
    await store.delete(RECORDS, code);
    await store.remove(INDEX, code);
  }
  const dueAt = hotline.now();
  for (const { id, value } of await store.pending<{ code: string; target: string; event: HotlineEventType }>(HOTLINE_OUTBOX)) {
    await hotline.outbox.queue([{ kind: 'hotline', code: value.code, target: value.target, event: value.event, dueAt }]);
    await store.remove(HOTLINE_OUTBOX, id);
  }
  for (const { id, value } of await store.pending<{ code: string }>(CITIZEN_OUTBOX)) {
    await hotline.outbox.queue([{ kind: 'citizen', code: value.code, step: Number(id.slice(value.code.length + 1)), dueAt }]);
    await store.remove(CITIZEN_OUTBOX, id);
  }
  return moved;
}

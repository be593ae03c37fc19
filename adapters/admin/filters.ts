// The views of the queue staff pick from, shared by the list and the exports.
import { STATUSES } from '../../src/complaints/complaint.ts';
import type { ComplaintFilter as Filter } from '../../src/complaints/complaint-store.ts';
import { STATUS_LABELS } from '../../src/complaints/export.ts';
import { ADMIN_TEXTS, LIST_TEXTS } from '../../src/texts/staff.ts';

export type { Filter };

export const FILTERS: readonly { id: Filter; label: string }[] = [
  { id: 'all', label: LIST_TEXTS.all },
  { id: 'open', label: LIST_TEXTS.open },
  ...STATUSES.map((status) => ({ id: status, label: STATUS_LABELS[status] })),
  { id: 'overdue', label: ADMIN_TEXTS.overdue },
  { id: 'failed', label: ADMIN_TEXTS.failedSend },
];

/** The filter a query string names; anything unknown shows everything. */
export function parseFilter(value: unknown): Filter {
  return FILTERS.find((filter) => filter.id === value)?.id ?? 'all';
}

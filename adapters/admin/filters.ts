// The views of the queue staff pick from, shared by the list and the exports.
import { STATUSES } from '../../src/complaints/complaint.ts';
import type { ComplaintFilter as Filter } from '../../src/complaints/complaint-store.ts';
import { STATUS_LABELS } from '../../src/complaints/export.ts';

export type { Filter };

export const FILTERS: readonly { id: Filter; label: string }[] = [
  { id: 'all', label: 'Tất cả' },
  { id: 'open', label: 'Đang mở' },
  ...STATUSES.map((status) => ({ id: status, label: STATUS_LABELS[status] })),
  { id: 'overdue', label: 'Quá hạn' },
  { id: 'failed', label: 'Gửi lỗi' },
];

/** The filter a query string names; anything unknown shows everything. */
export function parseFilter(value: unknown): Filter {
  return FILTERS.find((filter) => filter.id === value)?.id ?? 'all';
}

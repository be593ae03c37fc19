// The views of the queue staff pick from, shared by the list and the exports.
import { isOverdue, OPEN_STATUSES, STATUSES, type Complaint, type Status } from '../../src/complaints/complaint.ts';
import { STATUS_LABELS } from '../../src/complaints/export.ts';

export type Filter = 'all' | 'open' | Status | 'overdue' | 'failed';

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

/** A delivery to the hotline or the reply to the citizen gave up: staff must act by hand. */
export function hasFailedSend(complaint: Complaint): boolean {
  return Object.values(complaint.deliveries).some((delivery) => delivery.state === 'failed') || complaint.reply?.state === 'failed';
}

export function matchesFilter(filter: Filter, complaint: Complaint, today: string): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'open':
      return OPEN_STATUSES.includes(complaint.status);
    case 'overdue':
      return isOverdue(complaint, today);
    case 'failed':
      return hasFailedSend(complaint);
    default:
      return complaint.status === filter;
  }
}

// What waits to be sent about complaints, as two durable queues that the send loop
// works through (src/complaints/send-loop.ts): notices to the hotline's targets
// (Telegram staff group, webhook) and notices to the citizen about a staff action.
// A job names the complaint, not its content: what goes out is read when it is sent.
import type { Complaint } from './complaint.ts';

export const HOTLINE_OUTBOX = 'hotline-outbox';
export const CITIZEN_OUTBOX = 'citizen-outbox';

export type HotlineEventType = 'new' | 'overdue' | 'reply_failed';

export interface HotlineJob {
  code: string;
  target: string;
  event: HotlineEventType;
}

export interface CitizenJob {
  code: string;
}

export function hotlineJobId(job: HotlineJob): string {
  return `${job.code}:${job.target}:${job.event}`;
}

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

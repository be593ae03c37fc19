// What reports count, without personal data: each message by channel and what the bot
// did with it (answer, list, fallback…, and the entry answered), and each rating.
import type { Database } from './database.ts';

export interface ReportEvent {
  at: number;
  kind: 'message' | 'rating';
  channel: string;
  /** What the bot did, or the rating given (useful, not_useful). */
  outcome: string;
  /** The knowledge entry concerned, if any. */
  entryId?: string;
}

export class ReportEvents {
  constructor(private readonly database: Database) {}

  async record(event: ReportEvent): Promise<void> {
    await this.database.db
      .insertInto('events')
      .values({ at: event.at, kind: event.kind, channel: event.channel, outcome: event.outcome, entry_id: event.entryId ?? null })
      .execute();
  }
}

// The complaint desk as the complaint tests (and their child processes) build it:
// a Hotline on a given database, with a clock the test can move and no holidays unless given.
import { Hotline } from '../../src/complaints/hotline.ts';
import { WorkingCalendar, type Holidays } from '../../src/complaints/working-days.ts';
import type { Log } from '../../src/kernel/log.ts';
import type { Database } from '../../src/store/database.ts';

/** Monday 2 March 2026, 09:00 in Vietnam. */
export const MONDAY_9AM = Date.UTC(2026, 2, 2, 2);

export interface Clock {
  now: number;
}

export interface DeskOptions {
  targets?: readonly string[];
  clock?: Clock;
  dueWorkingDays?: number;
  holidays?: Holidays;
  onQueued?: () => void;
  newCode?: () => string;
}

export function newDesk(database: Database, options: DeskOptions = {}): Hotline {
  const { targets = [], clock, dueWorkingDays = 10, holidays = { fixed: [], dates: [] }, onQueued, newCode } = options;
  return new Hotline({ database, calendar: new WorkingCalendar(holidays), dueWorkingDays, targets, onQueued, newCode, ...(clock ? { now: () => clock.now } : {}) });
}

/** A log that keeps what went wrong, for tests to assert on. */
export function recordingLog(): Log & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info() {}, warn() {}, error: (_fields, message) => errors.push(message) };
}

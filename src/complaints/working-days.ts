// Deadlines in working days: weekends and public holidays do not count. Holidays come
// from a file the locality keeps (fixed-date holidays from the Labour Code, plus each
// year's lunar-calendar and swapped days as the Government announces them).
import { z } from 'zod';
import type { Problem } from '../knowledge/problems.ts';
import { readYamlFile } from '../knowledge/yaml-file.ts';
import { KNOWLEDGE_TEXTS as K } from '../texts/editors.ts';

const isoDate = z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, K.isoDate));

export const holidaysSchema = z
  .object({
    /** Every year on the same day, as MM-DD. */
    fixed: z.array(z.string().regex(/^\d{2}-\d{2}$/, K.monthDay)).default([]),
    /** Days off in a given year (Tết, Giỗ Tổ, swapped days). */
    dates: z.array(isoDate).default([]),
  })
  .strict();

export type Holidays = z.infer<typeof holidaysSchema>;

export async function loadHolidays(path: string, problems: Problem[]): Promise<Holidays> {
  return (await readYamlFile(path, holidaysSchema, problems)) ?? { fixed: [], dates: [] };
}

export class WorkingCalendar {
  private readonly fixed: Set<string>;
  private readonly dates: Set<string>;

  constructor(holidays: Holidays) {
    this.fixed = new Set(holidays.fixed);
    this.dates = new Set(holidays.dates);
  }

  isWorkingDay(iso: string): boolean {
    const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
    return day !== 0 && day !== 6 && !this.fixed.has(iso.slice(5)) && !this.dates.has(iso);
  }

  /** The date `days` working days after `start` (YYYY-MM-DD): the day of receipt does not count. */
  addWorkingDays(start: string, days: number): string {
    let date = start;
    for (let counted = 0; counted < days; ) {
      date = nextDay(date);
      if (this.isWorkingDay(date)) counted++;
    }
    return date;
  }
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

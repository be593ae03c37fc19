// Once a week (Monday from 08:00, Vietnam time) staff get the top groups of last week's
// unanswered questions in their group, so that the knowledge grows where citizens found it
// lacking. A week with none sends nothing (no noise in the group, nor on a first start). With several instances, the week's digest is claimed in the store: one sends it.
// A failed send gives the claim back, and the next hourly check tries again.
import { randomUUID } from 'node:crypto';
import type { Log } from '../kernel/log.ts';
import { localDate, vietnamTime } from '../kernel/vietnam-time.ts';
import type { QuestionLog } from '../store/question-log.ts';
import type { Store } from '../store/store.ts';
import { DIGEST_TEXTS } from '../texts/staff.ts';
import { groupQuestions, type QuestionGroup } from './question-groups.ts';

const DAY_MS = 24 * 3600_000;
const WEEK_MS = 7 * DAY_MS;
const CHECK_EVERY_MS = 3600_000;
const GROUPS_SHOWN = 10;
const SEND_HOUR = 8;
const NAMESPACE = 'weekly-digest';

/** The Monday (YYYY-MM-DD, Vietnam) of the week whose digest is due at `now`; undefined before 08:00 on a Monday. */
export function digestWeek(now: number): string | undefined {
  const [date, clock] = vietnamTime(now).split(' ') as [string, string];
  const sinceMonday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  if (sinceMonday === 0 && Number(clock.slice(0, 2)) < SEND_HOUR) return undefined;
  return localDate(now - sinceMonday * DAY_MS);
}

/** The digest as staff read it: the week, then each group with its count and its most asked questions. */
function digestText(groups: readonly QuestionGroup[], week: string, adminUrl: string | undefined): string {
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  const lines = groups.slice(0, GROUPS_SHOWN).map((g, i) => DIGEST_TEXTS.group(i + 1, g.count, g.texts.map((t) => t.text).slice(0, 2)));
  return [DIGEST_TEXTS.heading(week, total, groups.length), ...lines, DIGEST_TEXTS.howToAct(adminUrl)].join('\n');
}

export interface WeeklyDigestDeps {
  questions: Pick<QuestionLog, 'unanswered'>;
  store: Pick<Store, 'claim' | 'release'>;
  /** Posts the text to the staff group; rejects when it could not. */
  send: (text: string) => Promise<void>;
  /** Where staff act on the groups (PUBLIC_URL/admin/cau-hoi), when known. */
  adminUrl?: string;
  now?: () => number;
  log?: Pick<Log, 'info' | 'warn'>;
}

export class WeeklyDigest {
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(private readonly deps: WeeklyDigestDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Checks now and every hour. */
  start(): void {
    const check = () => void this.sendDue().catch((err: unknown) => this.deps.log?.warn({ err }, 'weekly digest: not sent; tried again within the hour'));
    check();
    this.timer = setInterval(check, CHECK_EVERY_MS).unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Sends this week's digest unless it was sent (by any instance) or the week had no unanswered question. True when this call sent it. */
  async sendDue(): Promise<boolean> {
    const week = digestWeek(this.now());
    const token = randomUUID();
    if (!week || !(await this.deps.store.claim(NAMESPACE, week, token, 8 * DAY_MS))) return false;
    try {
      const groups = groupQuestions(await this.deps.questions.unanswered(this.now() - WEEK_MS));
      if (groups.length === 0) return false;
      await this.deps.send(digestText(groups, week, this.deps.adminUrl));
      this.deps.log?.info({ week, groups: groups.length }, 'weekly digest: sent to the staff group');
      return true;
    } catch (error) {
      await this.deps.store.release(NAMESPACE, week, token).catch(() => {});
      throw error;
    }
  }
}

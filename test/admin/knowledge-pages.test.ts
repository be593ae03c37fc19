// The knowledge pages of /admin: every curated entry with its review dates, those past
// review first and flagged, how often citizens were answered with each and how they
// rated it (from the report events), and one entry as citizens see it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEntry } from '../../src/dialogue/answer.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { openStore } from '../../src/store/open-store.ts';
import { ReportEvents } from '../../src/store/report-events.ts';
import type { Store } from '../../src/store/store.ts';
import { KNOWLEDGE_TEXTS } from '../../src/texts/staff.ts';
import { DAY, inboxApp, PASSWORDS, Staff, type InboxApp } from './inbox-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'motcua-knowledge-pages-'));
let store: Store;
let database: Database;
let knowledge: KnowledgeBase;
let inbox: InboxApp;
let staff: Staff;
let events: ReportEvents;

beforeAll(async () => {
  store = await openStore(`sqlite://${join(dir, 'store.sqlite')}`);
  database = await openDatabase(`sqlite://${join(dir, 'records.sqlite')}`);
  knowledge = await loadKnowledgeBase(['knowledge']);
  events = new ReportEvents(database);
  inbox = await inboxApp(store, database, { knowledge: { current: () => knowledge, events } });
  staff = new Staff(inbox.app);
  await staff.login('lan', PASSWORDS.lan);
});

afterAll(async () => {
  await inbox.app.close();
  await store.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const curated = () => knowledge.entries.filter((e) => e.origin === 'curated');
/** The entry ids in the order the list shows them. */
const listed = (body: string) => [...body.matchAll(/href="\/admin\/tri-thuc\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));

describe('the knowledge list', () => {
  it('shows every curated entry, those past their review date first and flagged', async () => {
    // The day after the earliest review date: exactly the entries due by then are overdue.
    const earliest = curated().map((e) => e.review_by).sort()[0]!;
    inbox.clock.now = Date.parse(`${earliest}T12:00:00+07:00`) + DAY;
    const overdue = curated().filter((e) => e.review_by <= earliest);

    const page = await staff.get('/admin/tri-thuc');
    expect(page.statusCode).toBe(200);
    const ids = listed(page.body);
    expect(ids).toHaveLength(curated().length);
    expect(new Set(ids.slice(0, overdue.length))).toEqual(new Set(overdue.map((e) => e.id)));
    expect(page.body.split(KNOWLEDGE_TEXTS.overdue).length - 1).toBe(overdue.length);
    expect(page.body).toContain(`<a href="/admin/tri-thuc">${KNOWLEDGE_TEXTS.nav}</a>`);
  });

  it('counts the answers and ratings of the last 30 days, not older ones', async () => {
    const entry = curated().find((e) => e.id === 'dang-ky-khai-tu')!;
    const now = inbox.clock.now;
    await events.record({ at: now - DAY, kind: 'message', channel: 'zalo', outcome: 'answer', entryId: entry.id });
    await events.record({ at: now - 2 * DAY, kind: 'message', channel: 'web', outcome: 'answer', entryId: entry.id });
    await events.record({ at: now - DAY, kind: 'rating', channel: 'zalo', outcome: 'useful', entryId: entry.id });
    await events.record({ at: now - 40 * DAY, kind: 'message', channel: 'web', outcome: 'answer', entryId: entry.id });
    await events.record({ at: now - DAY, kind: 'message', channel: 'web', outcome: 'fallback' });

    const page = await staff.get('/admin/tri-thuc');
    const row = page.body.slice(page.body.indexOf(`/admin/tri-thuc/${entry.id}"`)).split('</tr>')[0]!;
    expect(row).toMatch(/<td data-label="Lượt trả lời \(30 ngày\)">2<\/td>\s*<td data-label="Đánh giá hữu ích \/ chưa">1 \/ 0<\/td>/);
  });
});

describe('an entry page', () => {
  it('shows the answer citizens get, its file and dates', async () => {
    const entry = curated().find((e) => e.id === 'dang-ky-khai-tu')!;
    const page = await staff.get(`/admin/tri-thuc/${entry.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<code>${entry.file}</code>`);
    const firstLine = renderEntry(entry, [], knowledge.locality).text.split('\n')[0]!;
    expect(page.body).toContain(`<pre class="reply">${firstLine}`);
    expect(page.body).toContain(KNOWLEDGE_TEXTS.use(2, 1, 0));
  });

  it('answers 404 for an unknown entry, and needs a signed-in staff member', async () => {
    const unknown = (await staff.get('/admin/tri-thuc/khong-co-muc-nay')).statusCode;
    expect(unknown).toBe(404);
    const anonymous = new Staff(inbox.app);
    const redirected = await anonymous.get('/admin/tri-thuc');
    expect([redirected.statusCode, redirected.headers.location]).toEqual([303, '/admin/login']);
  });
});

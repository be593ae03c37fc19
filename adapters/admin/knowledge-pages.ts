// What staff see of the knowledge: every curated entry with its review dates, the
// overdue ones first, and how often citizens were answered with it; and one entry as
// citizens see it, with the questions that reached it and who changed it (editors
// change it with the form of entry-edit-page.ts, or in the Markdown file: both reload live).
import { renderEntry } from '../../src/dialogue/answer.ts';
import { vnDate } from '../../src/kernel/vietnam-time.ts';
import type { Entry } from '../../src/knowledge/entry.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import type { EntryUse } from '../../src/store/report-events.ts';
import type { KnowledgeChange } from '../../src/store/knowledge-history.ts';
import { EDIT_TEXTS, ENTRY_PAGE_TEXTS as P, KNOWLEDGE_TEXTS as K } from '../../src/texts/staff.ts';
import { editPath } from './entry-edit-page.ts';
import { html, type Html } from './html.ts';
import { KNOWLEDGE_PATH, layout, noticeBox, shownTime, type Notice } from './layout.ts';
import type { PageSession } from './sessions.ts';

const NO_USE: EntryUse = { answers: 0, useful: 0, notUseful: 0 };

/** Curated entries, past their review date first, then by review date and title. */
export function entriesForReview(knowledge: KnowledgeBase): Entry[] {
  return knowledge.entries.filter((e) => e.origin === 'curated').sort((a, b) => a.review_by.localeCompare(b.review_by) || a.title.localeCompare(b.title, 'vi'));
}

export function knowledgeListPage(session: PageSession, knowledge: KnowledgeBase, use: ReadonlyMap<string, EntryUse>, today: string): Html {
  const entries = entriesForReview(knowledge);
  const national = knowledge.entries.length - entries.length;
  const C = K.columns;
  return layout(
    K.title,
    session,
    html`<h1>${K.title}</h1>
<p>${K.intro(national)}</p>
<table>
<caption>${K.caption(entries.length)}</caption>
<thead><tr><th scope="col">${C.title}</th><th scope="col">${C.kind}</th><th scope="col">${C.updated}</th><th scope="col">${C.reviewBy}</th><th scope="col">${C.answers}</th><th scope="col">${C.rating}</th></tr></thead>
<tbody>
${entries.map((entry) => {
  const counts = use.get(entry.id) ?? NO_USE;
  return html`<tr>
<td data-label="${C.title}"><a href="${KNOWLEDGE_PATH}/${encodeURIComponent(entry.id)}">${entry.title}</a></td>
<td data-label="${C.kind}">${K.kinds[entry.kind] ?? entry.kind}</td>
<td data-label="${C.updated}">${vnDate(entry.updated)}</td>
<td data-label="${C.reviewBy}">${vnDate(entry.review_by)}${entry.review_by < today ? html` <span class="flag flag-overdue">${K.overdue}</span>` : ''}</td>
<td data-label="${C.answers}">${counts.answers}</td>
<td data-label="${C.rating}">${counts.useful} / ${counts.notUseful}</td>
</tr>
`;
})}
</tbody>
</table>`,
  );
}

export interface EntryPage {
  session: PageSession;
  entry: Entry;
  knowledge: KnowledgeBase;
  use: EntryUse | undefined;
  today: string;
  /** The questions that reached it in the last 30 days, the most asked first. */
  reached: ReadonlyArray<{ text: string; count: number }>;
  history: readonly KnowledgeChange[];
  notice?: Notice;
}

export function knowledgeEntryPage({ session, entry, knowledge, use, today, reached, history, notice }: EntryPage): Html {
  const counts = use ?? NO_USE;
  const seen = renderEntry(entry, [], knowledge.locality);
  return layout(
    entry.title,
    session,
    html`<p><a href="${KNOWLEDGE_PATH}">${K.back}</a></p>
<h1>${entry.title}</h1>
${noticeBox(notice)}
${session.editor ? html`<p><a class="button" href="${editPath(entry.id)}">${P.edit}</a></p>` : html`<p class="hint">${P.editorsOnly}</p>`}
<dl class="facts">
<dt>${K.file}</dt><dd><code>${entry.file}</code></dd>
${entry.code ? html`<dt>${K.code}</dt><dd>${entry.code}</dd>` : ''}
<dt>${K.columns.updated}</dt><dd>${vnDate(entry.updated)}</dd>
<dt>${K.columns.reviewBy}</dt><dd>${vnDate(entry.review_by)}${entry.review_by < today ? html` <span class="flag flag-overdue">${K.overdue}</span>` : ''}</dd>
</dl>
<p>${K.use(counts.answers, counts.useful, counts.notUseful)}</p>
<h2>${K.seenByCitizens}</h2>
<pre class="reply">${seen.text}</pre>
<h2>${P.reached}</h2>
${reached.length ? html`<ul class="plain">${reached.map((q) => html`<li>${q.text}${P.timesAsked(q.count)}</li>`)}</ul>` : html`<p>${P.reachedNone}</p>`}
<h2>${P.history}</h2>
${history.length ? historyTable(history) : html`<p>${P.historyNone}</p>`}`,
  );
}

function historyTable(history: readonly KnowledgeChange[]): Html {
  const C = P.historyColumns;
  return html`<table>
<thead><tr><th scope="col">${C.at}</th><th scope="col">${C.by}</th><th scope="col">${C.what}</th><th scope="col">${C.fields}</th></tr></thead>
<tbody>
${history.map(
  (change) => html`<tr>
<td data-label="${C.at}">${shownTime(change.at)}</td>
<td data-label="${C.by}">${change.actor}</td>
<td data-label="${C.what}">${P.actions.get(change.action) ?? change.action}</td>
<td data-label="${C.fields}">${change.changes.map((c) => html`<details><summary>${EDIT_TEXTS.fields.get(c.field)?.label ?? c.field}</summary><p class="text">${c.before}</p><p class="text">→ ${c.after}</p></details>`)}</td>
</tr>
`,
)}
</tbody>
</table>`;
}

// What staff see of the knowledge: every curated entry with its review dates, the
// overdue ones first, and how often citizens were answered with it; and one entry as
// citizens see it. Read only: staff edit the Markdown files (reloaded live).
import { renderEntry } from '../../src/dialogue/answer.ts';
import { vnDate } from '../../src/kernel/vietnam-time.ts';
import type { Entry } from '../../src/knowledge/entry.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import type { EntryUse } from '../../src/store/report-events.ts';
import { KNOWLEDGE_TEXTS as K } from '../../src/texts/staff.ts';
import { html, type Html } from './html.ts';
import { KNOWLEDGE_PATH, layout } from './layout.ts';
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

export function knowledgeEntryPage(session: PageSession, entry: Entry, knowledge: KnowledgeBase, use: EntryUse | undefined, today: string): Html {
  const counts = use ?? NO_USE;
  const seen = renderEntry(entry, [], knowledge.locality);
  return layout(
    entry.title,
    session,
    html`<p><a href="${KNOWLEDGE_PATH}">${K.back}</a></p>
<h1>${entry.title}</h1>
<dl class="facts">
<dt>${K.file}</dt><dd><code>${entry.file}</code></dd>
${entry.code ? html`<dt>${K.code}</dt><dd>${entry.code}</dd>` : ''}
<dt>${K.columns.updated}</dt><dd>${vnDate(entry.updated)}</dd>
<dt>${K.columns.reviewBy}</dt><dd>${vnDate(entry.review_by)}${entry.review_by < today ? html` <span class="flag flag-overdue">${K.overdue}</span>` : ''}</dd>
</dl>
<p>${K.use(counts.answers, counts.useful, counts.notUseful)}</p>
<h2>${K.seenByCitizens}</h2>
<pre class="reply">${seen.text}</pre>`,
  );
}

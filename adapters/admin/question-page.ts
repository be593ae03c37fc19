// The questions the bot could not answer, grouped, the most asked first. Each group can be
// attached to a curated entry (its questions become sample questions or aliases, written
// into the file) by an editor, or set aside as out of scope by any staff member.
import type { QuestionGroup } from '../../src/curation/question-groups.ts';
import type { Entry } from '../../src/knowledge/entry.ts';
import { QUESTION_TEXTS as Q } from '../../src/texts/staff.ts';
import { html, type Html } from './html.ts';
import { layout, noticeBox, QUESTIONS_PATH, shownTime, type Notice } from './layout.ts';
import type { PageSession } from './sessions.ts';

/** Groups shown on the page; the rest come up as these are handled. */
export const GROUPS_SHOWN = 50;

export interface QuestionPage {
  session: PageSession;
  groups: readonly QuestionGroup[];
  /** Curated entries, by title: where a group can be attached. */
  entries: readonly Entry[];
  /** Per group (same order), the entry the engine finds for its first question, if any. */
  suggested: ReadonlyArray<string | undefined>;
  notice?: Notice;
}

export function questionPage({ session, groups, entries, suggested, notice }: QuestionPage): Html {
  return layout(
    Q.title,
    session,
    html`<h1>${Q.title}</h1>
<p>${Q.intro}</p>
${noticeBox(notice)}
${groups.length === 0 ? html`<p>${Q.none}</p>` : ''}
${groups.slice(0, GROUPS_SHOWN).map((group, i) => groupSection(session, group, i, entries, suggested[i]))}`,
  );
}

function groupSection(session: PageSession, group: QuestionGroup, index: number, entries: readonly Entry[], suggested: string | undefined): Html {
  const n = index + 1;
  const leader = group.ids[0]!;
  return html`<section class="group" aria-labelledby="g${n}">
<h2 id="g${n}">${Q.groupHeading(n, group.count)}</h2>
<p class="why">${Q.why(group.why.fallback, group.why.abandoned_list, group.why.not_useful)} · ${shownTime(group.latest)}</p>
${session.editor ? attachForm(session, group, n, leader, entries, suggested) : html`<ul class="asked">${group.texts.map((t) => html`<li>${t.text}${Q.timesAsked(t.count)}</li>`)}</ul><p class="hint">${Q.editorsOnly}</p>`}
<form method="post" action="${QUESTIONS_PATH}/ngoai-pham-vi" class="inline">
<input type="hidden" name="csrf" value="${session.csrf}">
<input type="hidden" name="group" value="${leader}">
<button type="submit" class="secondary">${Q.outOfScope}</button>
</form>
</section>
`;
}

function attachForm(session: PageSession, group: QuestionGroup, n: number, leader: string, entries: readonly Entry[], suggested: string | undefined): Html {
  return html`<form method="post" action="${QUESTIONS_PATH}/gan">
<input type="hidden" name="csrf" value="${session.csrf}">
<input type="hidden" name="group" value="${leader}">
<fieldset><legend>${Q.chooseTexts}</legend>
${group.texts.map((t, j) => html`<label class="check"><input type="checkbox" name="text" value="${t.text}" id="g${n}-t${j}" checked> ${t.text}${Q.timesAsked(t.count)}</label>`)}
</fieldset>
<label for="g${n}-entry">${Q.entry}</label>
<select id="g${n}-entry" name="entry">
${entries.map((e) => html`<option value="${e.id}"${e.id === suggested ? html` selected` : ''}>${e.title}${e.id === suggested ? ` ${Q.suggested}` : ''}</option>`)}
</select>
<fieldset><legend>${Q.as}</legend>
<label class="check"><input type="radio" name="as" value="questions" checked> ${Q.asQuestions}</label>
<label class="check"><input type="radio" name="as" value="aliases"> ${Q.asAliases}</label>
</fieldset>
<button type="submit">${Q.attach}</button>
</form>`;
}

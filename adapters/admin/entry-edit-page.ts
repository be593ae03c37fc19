// The form that edits one entry's file: a box per field (lists one item a line), the
// errors of a refused save above it with links to their boxes, and what staff typed
// kept in the boxes, so that a refused save loses nothing.
import { fieldsOf, type FormField, type FormValues } from '../../src/curation/entry-form.ts';
import type { Entry } from '../../src/knowledge/entry.ts';
import type { Problem } from '../../src/knowledge/problems.ts';
import { EDIT_TEXTS as E } from '../../src/texts/staff.ts';
import { html, type Html } from './html.ts';
import { KNOWLEDGE_PATH, layout, noticeBox, type Notice } from './layout.ts';
import type { PageSession } from './sessions.ts';

export interface EditPage {
  session: PageSession;
  entry: Entry;
  values: FormValues;
  version: string;
  notice?: Notice;
  problems?: readonly Problem[];
}

export const editPath = (id: string) => `${KNOWLEDGE_PATH}/${encodeURIComponent(id)}/sua`;
const inputId = (name: string) => `f-${name.replace('.', '-')}`;
const labelOf = (name: string) => E.fields.get(name)?.label ?? name;

/** The form field a problem's field path belongs to ("sources.0.url" → sources). */
export function formFieldOf(path: string, fields: readonly FormField[]): string | undefined {
  return fields.map((f) => f.name).find((name) => path === name || path.startsWith(`${name}.`));
}

export function entryEditPage({ session, entry, values, version, notice, problems = [] }: EditPage): Html {
  const fields = fieldsOf(entry.kind);
  const invalid = new Set(problems.map((p) => formFieldOf(p.field, fields)).filter(Boolean));
  return layout(
    E.title(entry.title),
    session,
    html`<p><a href="${KNOWLEDGE_PATH}/${encodeURIComponent(entry.id)}">${E.backToEntry}</a></p>
<h1>${E.title(entry.title)}</h1>
<p>${E.intro}</p>
${noticeBox(notice)}
${problems.length ? problemList(problems, fields) : ''}
<form method="post" action="${editPath(entry.id)}" class="edit">
<input type="hidden" name="csrf" value="${session.csrf}">
<input type="hidden" name="version" value="${version}">
${fields.map((f) => fieldBox(f, values[f.name] ?? '', invalid.has(f.name)))}
<p class="form-end"><button type="submit">${E.save}</button> <a href="${KNOWLEDGE_PATH}/${encodeURIComponent(entry.id)}">${E.cancel}</a></p>
</form>`,
  );
}

function problemList(problems: readonly Problem[], fields: readonly FormField[]): Html {
  return html`<div class="notice notice-error" role="alert"><p>${E.invalid}</p><ul>
${problems.map((p) => {
  const name = formFieldOf(p.field, fields);
  const text = E.problem(labelOf(name ?? p.field), p.message);
  return html`<li>${name ? html`<a href="#${inputId(name)}">${text}</a>` : text}</li>`;
})}
</ul></div>`;
}

function fieldBox(f: FormField, value: string, invalid: boolean): Html {
  const id = inputId(f.name);
  const hint = E.fields.get(f.name)?.hint;
  const described = hint ? html` aria-describedby="${id}-hint"` : '';
  const wrong = invalid ? html` aria-invalid="true"` : '';
  const hintLine = hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : '';
  if (f.type === 'check') {
    return html`<label class="check"><input type="checkbox" id="${id}" name="${f.name}" value="on"${value ? html` checked` : ''}> ${labelOf(f.name)}</label>\n`;
  }
  if (f.type === 'text' || f.type === 'date') {
    return html`<label for="${id}">${labelOf(f.name)}</label>${hintLine}<input type="text" id="${id}" name="${f.name}" value="${value}"${described}${wrong}>\n`;
  }
  const rows = f.type === 'body' ? 10 : Math.min(12, Math.max(3, value.split('\n').length + 1));
  return html`<label for="${id}">${labelOf(f.name)}</label>${hintLine}<textarea id="${id}" name="${f.name}" rows="${rows}"${described}${wrong}>${value}</textarea>\n`;
}

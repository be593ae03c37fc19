// An entry's fields as the /admin edit form shows and sends them: one text per field (a
// list is one item a line; a source is "title | url" a line), so that what staff typed can
// be shown again as it was, compared with what the file held, and written back.
import type { Entry } from '../knowledge/entry.ts';

export type FieldType = 'text' | 'long' | 'lines' | 'sources' | 'date' | 'check' | 'body';

export interface FormField {
  /** The form's name for it: the front matter's key, or `submit.<way>`; `body` for the Markdown after it. */
  name: string;
  type: FieldType;
  /** Shown for FAQs too (the rest are a procedure's). */
  common: boolean;
}

const field = (name: string, type: FieldType, common = false): FormField => ({ name, type, common });

/** In the order of the form, which is the order of the knowledge README. */
export const FORM_FIELDS: readonly FormField[] = [
  field('title', 'text', true),
  field('aliases', 'lines', true),
  field('questions', 'lines', true),
  field('sector', 'text', true),
  field('level', 'text'),
  field('agency', 'text'),
  field('summary', 'long', true),
  field('submit.in_person', 'long'),
  field('submit.online', 'long'),
  field('submit.postal', 'long'),
  field('documents', 'lines'),
  field('steps', 'lines'),
  field('processing_time', 'long'),
  field('fee', 'long'),
  field('conditions', 'long'),
  field('result', 'long'),
  field('legal_basis', 'lines', true),
  field('portal_url', 'text'),
  field('show_contacts', 'check', true),
  field('staff_notes', 'lines', true),
  field('sources', 'sources', true),
  field('updated', 'date', true),
  field('review_by', 'date', true),
  field('body', 'body', true),
];

export type FormValues = Record<string, string>;

/** The fields an entry of this kind shows in the form. */
export function fieldsOf(kind: Entry['kind']): FormField[] {
  return FORM_FIELDS.filter((f) => f.common || kind === 'procedure');
}

/** What the form shows for the entry as the file holds it now. */
export function formValues(entry: Entry): FormValues {
  const values: FormValues = {};
  for (const f of fieldsOf(entry.kind)) values[f.name] = valueOf(entry, f);
  return values;
}

function valueOf(entry: Entry, f: FormField): string {
  if (f.type === 'sources') return entry.sources.map((s) => `${s.title} | ${s.url}`).join('\n');
  if (f.type === 'check') return entry.show_contacts ? 'on' : '';
  const raw = f.name.startsWith('submit.') ? entry.submit[f.name.slice('submit.'.length) as keyof Entry['submit']] : (entry as unknown as Record<string, unknown>)[f.name];
  if (Array.isArray(raw)) return raw.join('\n');
  return typeof raw === 'string' ? raw : '';
}

/** The form as sent: one string per field of this kind, line ends made \n, lists without empty lines. Anything but a string is taken as empty. */
export function readForm(kind: Entry['kind'], body: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const f of fieldsOf(kind)) {
    const raw = body[f.name];
    const text = typeof raw === 'string' ? raw.replace(/\r\n?/g, '\n') : '';
    values[f.name] = f.type === 'lines' || f.type === 'sources' ? splitLines(text).join('\n') : f.type === 'check' ? (text ? 'on' : '') : text.trim();
  }
  return values;
}

export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The fields whose value differs, each with its value before and after. */
export function changedFields(before: FormValues, after: FormValues): Array<{ field: string; before: string; after: string }> {
  return Object.keys(after)
    .filter((name) => (before[name] ?? '') !== after[name])
    .map((name) => ({ field: name, before: before[name] ?? '', after: after[name]! }));
}

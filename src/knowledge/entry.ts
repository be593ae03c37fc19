// The in-memory form of one knowledge file, the same for curated and imported
// entries and for procedures and FAQs (a FAQ simply leaves procedure fields empty).
import type { FaqFields, ProcedureFields } from './schema.ts';

export type Entry = Omit<ProcedureFields, 'kind'> & {
  kind: 'procedure' | 'faq';
  /** Procedure notes or the FAQ answer: the Markdown after the front matter. */
  body: string;
  /** Where it was read from, for messages to staff. */
  file: string;
};

const EMPTY_PROCEDURE_PART = {
  code: '',
  level: '',
  agency: '',
  submit: { in_person: '', online: '', postal: '' },
  documents: [],
  steps: [],
  processing_time: '',
  fee: '',
  conditions: '',
  result: '',
  portal_url: undefined,
} satisfies Omit<ProcedureFields, keyof FaqFields>;

export function entryFrom(fields: ProcedureFields | FaqFields, body: string, file: string): Entry {
  if (fields.kind === 'faq') return { ...EMPTY_PROCEDURE_PART, ...fields, body, file };
  return { ...fields, body, file };
}

// The texts of an entry a citizen can be shown, field by field, for the knowledge tests.
import type { Entry } from '../../src/knowledge/entry.ts';

/** Every text a citizen can be shown (staff_notes and sources are not). */
export function citizenTexts(e: Entry): [string, string][] {
  return [
    ['title', e.title],
    ['summary', e.summary],
    ['level', e.level],
    ['agency', e.agency],
    ['submit.in_person', e.submit.in_person],
    ['submit.online', e.submit.online],
    ['submit.postal', e.submit.postal],
    ...e.documents.map((d, i): [string, string] => [`documents[${i}]`, d]),
    ...e.steps.map((s, i): [string, string] => [`steps[${i}]`, s]),
    ['processing_time', e.processing_time],
    ['fee', e.fee],
    ['conditions', e.conditions],
    ['result', e.result],
    ...e.legal_basis.map((l, i): [string, string] => [`legal_basis[${i}]`, l]),
    ['body', e.body],
  ];
}

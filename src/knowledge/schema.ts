// The shape of a knowledge file's front matter, validated at the loader boundary.
// Staff edit these files by hand, so every rule here must produce a message a
// non-programmer can act on (see knowledge/README.md, which documents each field).
import { z } from 'zod';
import { KNOWLEDGE_TEXTS as K } from '../texts/editors.ts';
import { PORTAL_TEXTS } from '../texts/citizens.ts';

const text = z.string().trim();
const optionalText = z.preprocess((v) => (v === null ? undefined : v), text.optional().default(''));
const textList = z.preprocess(
  (v) => (v === null || v === undefined ? [] : v),
  z.array(text.min(1, K.emptyListLine)),
);
const isoDate = z.preprocess(
  // YAML turns an unquoted 2026-11-22 into a Date; accept both spellings.
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, K.isoDate),
);

export const ID_PATTERN = /^[a-z0-9][a-z0-9.-]*$/;
export const CODE_PATTERN = /^\d\.\d{6}$/;

const source = z.object({
  title: text.min(1, K.sourceTitle),
  url: z.string().url(K.url),
});

const common = {
  id: z.string().regex(ID_PATTERN, K.id),
  title: text.min(1, K.empty),
  aliases: textList,
  questions: textList,
  summary: optionalText,
  legal_basis: textList,
  /** Answers about where and when also give the locality's offices, hours and phone (locality.yaml). */
  show_contacts: z.boolean().default(false),
  /** Notes for the staff who maintain the file (doubts, what the portal says oddly); never shown to citizens. */
  staff_notes: textList,
  sources: z.array(source).min(1, K.noSource),
  updated: isoDate,
  review_by: isoDate,
  origin: z.enum(['curated', 'imported']).default('curated'),
};

export const procedureSchema = z
  .object({
    ...common,
    kind: z.literal('procedure'),
    code: z.preprocess(
      (v) => (v === null || v === undefined ? '' : String(v)),
      z.union([z.literal(''), z.string().regex(CODE_PATTERN, K.code)]),
    ),
    sector: text.min(1, K.empty),
    level: optionalText,
    agency: optionalText,
    submit: z
      .preprocess(
        (v) => (v === null || v === undefined ? {} : v),
        z.object({ in_person: optionalText, online: optionalText, postal: optionalText }).strict(),
      ),
    documents: textList,
    steps: textList,
    processing_time: optionalText,
    fee: optionalText,
    conditions: optionalText,
    result: optionalText,
    portal_url: z.preprocess((v) => (v === null ? undefined : v), z.string().url(K.url).optional()),
  })
  .strict();

export const faqSchema = z
  .object({
    ...common,
    kind: z.literal('faq'),
    sector: optionalText.transform((s) => s || PORTAL_TEXTS.faqSector),
  })
  .strict();

export type ProcedureFields = z.infer<typeof procedureSchema>;
export type FaqFields = z.infer<typeof faqSchema>;

// The tables that teach the engine how citizens write: expansions (teencode,
// abbreviations, everyday names), light function words, answer aspects, and the
// cues for complaints and small talk. Data, so staff can extend it without code.
import { z } from 'zod';
import type { Problem } from './problems.ts';
import { readYamlFile } from './yaml-file.ts';

export const ASPECTS = ['documents', 'fee', 'time', 'place', 'online', 'postal', 'steps', 'legal', 'conditions', 'result'] as const;
export type Aspect = (typeof ASPECTS)[number];

const phrases = z.array(z.coerce.string().trim().min(1)).default([]);

export const lexiconSchema = z
  .object({
    expansions: z.record(z.coerce.string().trim().min(1)).default({}),
    foreign_relatives: z.object({ relatives: phrases, between: phrases, alone: phrases, countries: phrases, adds: z.coerce.string().trim().default('') }).strict().default({}),
    whereabouts: z.object({ before: phrases, names: phrases }).strict().default({}),
    function_words: phrases,
    function_words_if_accented: phrases,
    follow_up_words: phrases,
    /** Words that make a message a question or a request; a longer message with none of them that finds nothing is a remark (small talk). */
    question_words: phrases,
    /** Phrases that hold a question word but ask nothing ("cái gì cũng", "ai cũng"): everything, anyone. */
    not_questions: phrases,
    /** Words that ask only at the end of a clause ("được không", "rồi à"), not inside one ("học hông nổi"). */
    question_endings: phrases,
    aspects: z.object(Object.fromEntries(ASPECTS.map((a) => [a, phrases])) as Record<Aspect, typeof phrases>).strict().partial().default({}),
    /** The citizen's situation ("đi không nổi"): asks the conditions when the message asks no other part, and names no topic either way. */
    circumstances: phrases,
    complaint: z.object({ intent: phrases, topic: phrases, grievance: phrases, narrative: phrases, question: phrases }).strict().default({}),
    out_of_scope: phrases,
    scam: z.object({ certain: phrases, contact: phrases, demand: phrases, doubt: phrases }).strict().default({}),
    smalltalk: z.object({ greeting: phrases, thanks: phrases, farewell: phrases, chitchat: phrases, displeased: phrases, ack: phrases, address: phrases }).strict().default({}),
    /**
     * Two entries citizens mix up ("làm lại bằng lái": renewed, or lost?): asked apart, with the
     * staff's `question` if any, unless the message says a word that tells them apart; with
     * `when`, only when it says one of those too ("mất giấy khai sinh", not any "làm lại").
     * `answers`: for each of the two entries, what a reply to the question says ("còn lưu sổ").
     */
    ask_apart: z
      .array(
        z
          .object({
            entries: z.tuple([z.string().trim().min(1), z.string().trim().min(1)]),
            unless: phrases,
            when: phrases.optional(),
            question: z.string().trim().min(1).optional(),
            answers: z.tuple([phrases, phrases]).optional(),
          })
          .strict(),
      )
      .default([]),
    /**
     * The everyday case of entries that share a name ("xin giấy phép xây dựng": a new house, not
     * repairs): when a list would offer `entry` and one of `over` first, and the message says none of
     * `unless` (the words of the other case), `entry` is answered and the others offered beside it;
     * with `when`, only when it says one of those too (what both share: "chuyển" for a change of land use).
     */
    everyday: z
      .array(z.object({ entry: z.string().trim().min(1), over: z.array(z.string().trim().min(1)).min(1), unless: phrases, when: phrases.optional() }).strict())
      .default([]),
  })
  .strict();

export type Lexicon = z.infer<typeof lexiconSchema>;

/** Kinds of small talk, strongest first: a message that mixes them gets the reply of the first. */
export const SMALLTALK = ['displeased', 'chitchat', 'thanks', 'farewell', 'greeting'] as const;
export type Smalltalk = (typeof SMALLTALK)[number];
/**
 * Cues that are small talk only when nothing else is said: a nod ("ok", "dạ", "hiểu rồi"), or
 * whom the message addresses ("bot", "ad"). Said alone they get the thanks or the greeting.
 */
export const QUIET_SMALLTALK = ['ack', 'address'] as const;
export type QuietSmalltalk = (typeof QUIET_SMALLTALK)[number];

export const EMPTY_LEXICON: Lexicon = lexiconSchema.parse({});

/**
 * The expansions as written, with those foreign_relatives stands for: a relative and a
 * country, side by side or with a word `between` ("chồng hàn", "bạn trai người đức"), or a
 * country after an `alone` phrase ("là người lào"), gain `adds`. One written in expansions
 * wins over a generated one with the same key.
 */
export function allExpansions(lexicon: Lexicon): Record<string, string> {
  const { relatives, between, alone, countries, adds } = lexicon.foreign_relatives;
  const generated: Record<string, string> = {};
  const leads = [...relatives, ...relatives.flatMap((r) => between.map((b) => `${r} ${b}`))];
  for (const country of adds ? countries : []) {
    for (const key of [...alone, ...leads].map((lead) => `${lead} ${country}`)) generated[key] = `${key} ${adds}`;
  }
  return { ...generated, ...lexicon.expansions };
}

export async function loadLexicon(path: string, problems: Problem[]): Promise<Lexicon | undefined> {
  return readYamlFile(path, lexiconSchema, problems);
}

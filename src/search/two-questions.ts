// Citizens often ask two things in one message: "sang tên xe làm ở đâu? Với lại bằng
// lái sắp hết hạn thì đổi thế nào?", "lam so do lan dau mat bao lau, con the chap thi
// dang ky o dau". The first is what they came for; the second is offered after it.
// This finds where the second question may begin; the engine keeps the split only
// when both halves name an entry of their own.
import { fold } from '../kernel/vietnamese.ts';
import { SENTENCE_BREAK } from './tokens.ts';

/** A question mark followed by more words, or a comma or full stop and a word that opens another question (folded). */
const AFTER_QUESTION = /\?+\s*(?=\S)/;
const CONNECTIVE = /[,.;]\s*(?=(?:voi lai|voi|con|ma|roi|xong|sau do|va|them|ngoai ra)\s)/;
/** The second half must say at least this many words to be a question of its own. */
const MIN_WORDS = 3;

/** The message as its first question and the rest, or undefined when it reads as one question. */
export function splitQuestions(text: string): [string, string] | undefined {
  // fold() keeps one character per NFC letter, so folded offsets cut the original.
  const typed = text.normalize('NFC');
  const folded = fold(typed);
  const cut = AFTER_QUESTION.exec(folded) ?? CONNECTIVE.exec(folded);
  if (!cut) return undefined;
  const first = typed.slice(0, cut.index + (cut[0].startsWith('?') ? 1 : 0)).trim();
  const rest = typed.slice(cut.index + cut[0].length).trim();
  return rest.split(/\s+/).length >= MIN_WORDS && first ? [first, rest] : undefined;
}

/** Where a story ends and its question begins in one unpunctuated sentence: "… chừ mệ đi đăng ký …", "… (bây) giờ muốn …". */
const NOW = /^(?:giờ|gio|chừ|nay)$/u;
/** The question must say at least this many words, and the story before it as many again. */
const MIN_QUESTION = 4;

/**
 * The question of a long message after its story: its last sentence, or, typed as one run
 * (speech-to-text has no punctuation), the words from the last "giờ"/"chừ" on. Undefined when
 * the message is its question.
 */
export function questionOf(text: string): string | undefined {
  const sentences = text.normalize('NFC').split(SENTENCE_BREAK).map((s) => s.trim()).filter(Boolean);
  const last = sentences.at(-1)?.split(/\s+/) ?? [];
  if (sentences.length >= 2) return last.length >= MIN_QUESTION - 1 ? last.join(' ') : undefined;
  const said = last.map((w) => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
  const at = said.findLastIndex((w) => NOW.test(w));
  return at >= 2 * MIN_QUESTION && said.length - at > MIN_QUESTION ? last.slice(at).join(' ') : undefined;
}

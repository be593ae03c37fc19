// Citizens often ask two things in one message: "sang tên xe làm ở đâu? Với lại bằng
// lái sắp hết hạn thì đổi thế nào?", "lam so do lan dau mat bao lau, con the chap thi
// dang ky o dau". The first is what they came for; the second is offered after it.
// This finds where the second question may begin; the engine keeps the split only
// when both halves name an entry of their own.
import { fold } from '../kernel/vietnamese.ts';

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

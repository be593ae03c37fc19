// What is kept of a citizen's question for staff to read later (the unanswered-question
// loop, the questions that reached an entry): the words of the question, never the
// person. Phone and ID numbers, e-mail addresses and the name after "tôi là…" are masked
// before anything is stored.
import { fold } from '../kernel/vietnamese.ts';
import { MASKS } from '../texts/staff.ts';

// A run of 8+ digits, single spaces, dots or dashes allowed between groups ("0912 345 678", "0912.345.678").
const DIGIT_RUN = /(?<![\p{L}\p{N}])\+?\d(?:[ .-]?\d){7,}(?![\p{L}\p{N}])/gu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** Words that introduce a phone number, folded. */
const NUMBER_INTRO = new Set(['so', 'sdt', 'dt', 'dien', 'thoai', 'cua', 'em', 'toi', 'minh', 'tui', 'la', 'day', 'nay', 'lien', 'he', 'a', 'nhe', 'nha']);
// "tôi là Nguyễn Văn A", "tên em là …", "mình tên …", with or without diacritics.
const NAME_INTRO = /(?<![\p{L}])((?:t[eê]n\s+)?(?:t[oô]i|em|m[iì]nh|ch[aá]u)\s+(?:t[eê]n\s+(?:l[aà]\s+)?|l[aà]\s+))/giu;
/**
 * Words that end a name, folded: the question goes on ("tôi là Lan ở phường 3 muốn hỏi…").
 * Words that are also names (thi ~ Thị, lam ~ Lâm, nam ~ Nam) are left out: masking a word
 * too many is better than keeping a name.
 */
const AFTER_NAME = new Set(['o', 'dang', 'muon', 'can', 'hoi', 'xin', 'co', 'sinh', 'va', 'bi', 'da', 'vua', 'nguoi', 'dan']);
const MAX_NAME_WORDS = 4;

/** The text with personal data replaced by placeholders staff recognise. */
export function maskPersonalData(text: string): string {
  return maskNames(withoutSpokenPhones(text.replace(EMAIL, MASKS.email).replace(DIGIT_RUN, (run) => (isPhone(run) ? MASKS.phone : MASKS.number))));
}

/**
 * "Số em 0912 345 678": phone numbers typed into a complaint's story, masked before the story is
 * kept; the number is asked for at its own step, after the personal-data notice.
 */
export function withoutPhones(text: string): { text: string; masked: boolean; only: boolean } {
  const kept = withoutSpokenPhones(text.replace(DIGIT_RUN, (run) => (isPhone(run) ? MASKS.phone : run)));
  const masked = kept !== text;
  // Nothing but the number, and words that only introduce it ("sđt em:", "số của tôi là").
  const rest = kept.replaceAll(MASKS.phone, ' ').split(/[\s\p{P}]+/u).filter(Boolean);
  return { text: kept, masked, only: masked && rest.every((w) => NUMBER_INTRO.has(fold(w))) };
}

/** Digit words, folded, as speech to text writes a number read aloud: "không chín một hai…". */
const DIGIT_WORDS = new Map(Object.entries({ khong: '0', linh: '0', mot: '1', hai: '2', ba: '3', bon: '4', tu: '4', nam: '5', sau: '6', bay: '7', tam: '8', chin: '9' }));
/** A phone number has nine digits after its 0: fewer digit words in a row are words ("không", "một", "ba"…). */
const PHONE_DIGITS = 9;

/**
 * Each run of nine or more digits said in words or typed ("không chín một hai ba bốn…", "0 chín
 * 1 hai…", "0 3 8 9…"), with where it stands in the text; only spaces and punctuation between.
 */
export function spokenDigitRuns(text: string): { start: number; end: number; digits: string }[] {
  const runs: { start: number; end: number; digits: string }[] = [];
  let run: { start: number; end: number; digits: string } | undefined;
  const close = () => {
    if (run && run.digits.length >= PHONE_DIGITS) runs.push(run);
    run = undefined;
  };
  for (const word of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const digits = DIGIT_WORDS.get(fold(word[0])) ?? (/^\d+$/.test(word[0]) ? word[0] : undefined);
    if (digits === undefined) {
      close();
      continue;
    }
    const end = word.index + word[0].length;
    run = run ? { ...run, end, digits: run.digits + digits } : { start: word.index, end, digits };
  }
  close();
  return runs;
}

/** "không chín tám ba một hai ba bốn năm sáu": a phone number read aloud, masked like a typed one. */
function withoutSpokenPhones(text: string): string {
  let kept = '';
  let from = 0;
  for (const run of spokenDigitRuns(text)) {
    if (!isPhone(run.digits)) continue;
    kept += text.slice(from, run.start) + MASKS.phone;
    from = run.end;
  }
  return kept + text.slice(from);
}

function isPhone(run: string): boolean {
  const digits = run.replace(/\D/g, '');
  return (digits.startsWith('0') && digits.length === 10) || (digits.startsWith('84') && digits.length === 11);
}

/** Masks up to four words after each self-introduction, stopping at punctuation or where the question goes on. */
function maskNames(text: string): string {
  let masked = '';
  let from = 0;
  for (const intro of text.matchAll(NAME_INTRO)) {
    const start = intro.index + intro[0].length;
    if (start < from) continue;
    const end = nameEnd(text, start);
    if (end === start) continue;
    masked += text.slice(from, start) + MASKS.name;
    from = end;
  }
  return masked + text.slice(from);
}

function nameEnd(text: string, start: number): number {
  const word = /[\p{L}\p{M}]+/uy;
  let end = start;
  for (let count = 0; count < MAX_NAME_WORDS; count++) {
    const gap = /[ \t]*/y;
    gap.lastIndex = end;
    gap.exec(text);
    word.lastIndex = gap.lastIndex;
    const found = word.exec(text);
    if (!found || AFTER_NAME.has(fold(found[0]))) break;
    end = word.lastIndex;
  }
  return end;
}

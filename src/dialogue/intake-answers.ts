// What a citizen types at a step of the complaint intake, read as the button it stands
// for: "ok gửi đi ạ", "gui di con", "k can de sdt", "thôi hủy, có rồi", "... xong rồi".
// Short answers only: anything longer is content (the story, the office, the number).
import { fold } from '../kernel/vietnamese.ts';

export type IntakeWord = 'cancel' | 'next' | 'skip' | 'agree' | 'decline' | 'send';

// Folded phrases, after chat shorthand is spelt out and padding taken off (see core()).
const PHRASES: Record<IntakeWord, readonly string[]> = {
  cancel: ['huy', '/huy', 'huy bo', 'huy phan anh', 'thoi huy', 'thoi bo', 'thoi bo di', 'thoi khoi phan anh', 'khong gui nua', 'thoi khong gui', 'thoi khong gui nua', 'khong phan anh nua', 'thoi khong phan anh nua', 'khong khieu nai nua', 'thoi khong khieu nai nua',
    'khoi gui', 'thoi khoi gui', 'doi y', 'doi y roi', 'thoi doi y'],
  // "Có gì thêm không?" – "không ạ": nothing more to tell.
  next: ['khong', 'khong co', 'khong can', 'vay la du', 'la du', 'du', 'xong', 'xong roi', 'xong tiep tuc', 'tiep', 'tiep tuc', 'het', 'het roi', 'het chuyen', 'het chuyen roi', 'vay thoi', 'vay do', 'vay la het', 'chi co vay', 'the thoi', 'du roi', 'chi vay thoi', 'ke xong roi', 'xong het roi',
    'khong con gi', 'khong con gi them', 'khong co gi them', 'khong them gi', 'vay du roi', 'the la du', 'het y',
    // Central speech: "rứa thôi" (vậy thôi), "nớ thôi hết rồi".
    'thoi het', 'thoi het roi', 'thoi xong roi', 'rua thoi', 'rua la het', 'rua la du', 'chi rua thoi', 'co rua thoi'],
  skip: ['bo qua', 'khong', 'khong co', 'khong ro', 'khong biet', 'khong nho', 'khoi', 'thoi khoi', 'skip', 'chiu', 'chiu thoi'],
  agree: ['dong y', 'co', 'ok', 'u', 'vang', 'duoc', 'de lai so', 'co de lai', 'dong y de lai so dien thoai', 'de lai so dien thoai'],
  decline: ['khong', 'khong de lai', 'khong de lai so', 'khong dong y', 'khong can', 'thoi khoi', 'khoi', 'thoi', 'khong de so', 'khong can de so dien thoai', 'khong de lai so dien thoai', 'thoi khong'],
  // At the review, a bare yes sends: "ừ", "đúng rồi", "được".
  send: ['gui', 'gui lai', 'gui phan anh', 'dong y', 'gui luon', 'ok gui', 'dong y gui', 'duoc gui', 'gui nhe', 'send', 'ok', 'u', 'vang', 'duoc', 'co', 'dung', 'dung roi', 'dung vay', 'chinh xac', 'xac nhan', 'xac nhan gui'],
};
const has = (word: IntakeWord, phrase: string) => PHRASES[word].includes(phrase);

/** Chat shorthand spelt out, word by word (folded). */
const SHORTHAND = new Map([
  ['k', 'khong'], ['ko', 'khong'], ['kh', 'khong'], ['khg', 'khong'], ['kg', 'khong'], ['hok', 'khong'], ['hong', 'khong'], ['hem', 'khong'], ['khum', 'khong'],
  ['dc', 'duoc'], ['r', 'roi'], ['xog', 'xong'], ['v', 'vay'], ['z', 'vay'], ['lun', 'luon'], ['yes', 'ok'], ['bit', 'biet'], ['bik', 'biet'], ['sdt', 'so dien thoai'], ['oke', 'ok'], ['oki', 'ok'], ['okie', 'ok'], ['okay', 'ok'], ['uh', 'u'], ['um', 'u'], ['uk', 'u'],
]);
/** Words that pad a short answer without changing it: "gửi đi ạ", "xong rồi nha", "ok con". */
const TRAILING = new Set(['a', 'nha', 'nhe', 'ne', 'nghen', 'con', 'ad', 'di', 'luon', 'giup', 'gium', 'dum', 'voi', 'ha', 'em', 'chau', 'dau', 'nhi', 'nua', 'do', 'chi', 'anh', 'bac', 'chu', 'ban']);
/** Words that open a short answer without changing it: "ok", "vâng", and interjections ("à thôi hủy đi chị", "nớ thôi hết rồi"). */
const LEADING = new Set(['ok', 'u', 'vang', 'da', 'roi', 'thi', 'a', 'o', 'ua', 'oi', 'no']);
const NEGATIONS = new Set(['khong', 'chang', 'cha', 'thoi', 'khoi']);
/** What a refusal refuses: "không muốn", "không để", "chẳng cần", "thôi khỏi". */
const REFUSED = new Set(['muon', 'de', 'can', 'cho', 'dong', 'dua', 'khoi', 'gui']);
const YES = new Set(['ok', 'co', 'dong', 'vang', 'duoc', 'u', 'da']);
/** A longer yes is about the number: "dạ được, để lại số cũng được" (not "có cán bộ đòi tiền"). */
const CONSENT_WORDS = new Set(['so', 'de', 'duoc', 'y']);
/** Past this many words a message is content, not an answer. */
const SHORT = 8;
/** A yes, a no or "I cannot say" may come as a sentence of its own, up to this many words. */
const SENTENCE = 12;

/** The button a short typed answer stands for, among those the step offers; undefined when it is content. */
export function readIntakeAnswer(typed: string, offered: readonly IntakeWord[]): IntakeWord | undefined {
  const words = core(typed);
  // "thôi hủy, vừa có hộ chiếu rồi": a cancel said first stands whatever follows. ("Hủy …" alone
  // may begin the story itself: "hủy hẹn mà không báo".) "Thôi bỏ đi, không phản ánh nữa, sợ
  // phiền": a clause of its own that cancels, in a short message.
  // Past the story, a longer message is no story: "Khoan, thôi khỏi gửi, để tui nói chuyện lại với chủ nhà đã".
  const clauseCancels = (words.length <= SENTENCE || !offered.includes('next')) && cancelClause(typed);
  if (offered.includes('cancel') && ((words[0] === 'thoi' && words[1] === 'huy') || clauseCancels || cancelsTheComplaint(typed) || endsCancelling(typed))) return 'cancel';
  if (words.length === 0) return undefined;
  // "Không cần đâu, vậy là đủ", "Hông, hết rồi": every clause says there is nothing more.
  if (offered.includes('next') && words.length <= SENTENCE && everyClause(typed, 'next')) return 'next';
  if (words.length > SHORT) return words.length <= SENTENCE ? (cannotSay(words, offered) ?? consentAnswer(words, offered)) : undefined;
  for (const variant of variants(words)) {
    const found = offered.find((w) => has(w, variant));
    if (found) return found;
  }
  return cannotSay(words, offered) ?? sendSaid(words, offered) ?? consentAnswer(words, offered);
}

/** The words of each clause (between punctuation, or "mà cũng", "và cũng" unpunctuated), as core() reads them. */
function clausesOf(typed: string): string[][] {
  return typed.split(/[,.;!?]+/).flatMap((clause) => fold(clause).split(/\s(?:ma|va) cung\s/)).map(core);
}

/** The words, padding aside (see variants), are a phrase of `word`. */
function says(word: IntakeWord, words: string[]): boolean {
  return variants(words).some((variant) => has(word, variant));
}

/** Every clause is a phrase of `word`. */
function everyClause(typed: string, word: IntakeWord): boolean {
  const clauses = clausesOf(typed).filter((words) => words.length > 0);
  return clauses.length > 0 && clauses.every((words) => says(word, words));
}

/** A clause that is a cancel phrase. */
function cancelClause(typed: string): boolean {
  // "tui đổi ý rồi": who speaks comes off too.
  return clausesOf(typed).some((words) => says('cancel', words) || (SPEAKERS.has(words[0] ?? '') && says('cancel', words.slice(1))));
}

/** Said around "hủy … phản ánh" without changing it: "ad hủy giúp em cái phản ánh này nhé". */
const AROUND_CANCEL = new Set(['ad', 'cai', 'nay', 'do', 'giup', 'gium', 'dum', 'cho', 'di']);

/**
 * "Thôi để em hỏi lại bác ấy đã, ad hủy giúp em cái phản ánh này nhé": in a message of any length,
 * a clause that, padding aside, says to cancel the complaint by name.
 */
function cancelsTheComplaint(typed: string): boolean {
  return clausesOf(typed).some((words) => {
    // The "ánh" of "phản ánh" folds to the pronoun "anh".
    const padding = (w: string, i: number) => words[i - 1] !== 'phan' && (AROUND_CANCEL.has(w) || TRAILING.has(w) || LEADING.has(w) || SPEAKERS.has(w));
    const said = words.filter((w, i) => !padding(w, i)).join(' ');
    return said === 'huy phan anh' || said === 'huy khieu nai';
  });
}

/**
 * "Thôi ad ơi, e vừa nhận được giấy r, khỏi gửi nha, hủy giúp e": however long, a message whose last clause,
 * padding aside, says to cancel ends the complaint. A story rarely ends so ("… thì họ bảo hủy" says who).
 */
function endsCancelling(typed: string): boolean {
  const words = clausesOf(typed).filter((clause) => clause.length > 0).at(-1) ?? [];
  const said = words.filter((w) => !(AROUND_CANCEL.has(w) || TRAILING.has(w) || SPEAKERS.has(w))).join(' ');
  return said === 'huy' || said === 'huy bo' || says('cancel', words);
}

/** Who speaks, before a short answer: "em không biết …". */
const SPEAKERS = new Set(['em', 'e', 'toi', 't', 'minh', 'chau', 'con', 'bac', 'tui', 'anh', 'chi', 'co', 'chu']);
/** What the citizen cannot say: "không biết", "không nhớ tên", "chả rõ", "không rành". */
const KNOWING = new Set(['biet', 'nho', 'ro', 'ranh']);
/** Said after "bỏ qua" without changing it: "bỏ qua câu này nha", "bỏ qua cái ni". */
const SKIP_TAIL = new Set([...TRAILING, 'cau', 'buoc', 'nay', 'ni', 'cai', 'phan']);

/**
 * At a step that can be skipped, "không nhớ tên", "ko biết cơ quan nào", "…, bỏ qua nha":
 * the citizen cannot say, so the step is skipped rather than kept as the answer.
 */
function cannotSay(words: string[], offered: readonly IntakeWord[]): IntakeWord | undefined {
  if (!offered.includes('skip')) return undefined;
  const [no, verb] = words.slice(Math.max(0, words.findIndex((w) => !SPEAKERS.has(w))));
  let end = words.length;
  while (end > 2 && SKIP_TAIL.has(words[end - 1]!)) end--;
  const skipped = words[end - 2] === 'bo' && words[end - 1] === 'qua';
  return (NEGATIONS.has(no ?? '') && KNOWING.has(verb ?? '')) || skipped ? 'skip' : undefined;
}

/** At the review, a short message that says to send and refuses nothing: "đúng rồi, gửi đi", "ok gửi dùm". */
function sendSaid(words: string[], offered: readonly IntakeWord[]): IntakeWord | undefined {
  const refuses = words.some((w) => NEGATIONS.has(w) || w === 'huy');
  return offered.includes('send') && words.includes('gui') && !refuses ? 'send' : undefined;
}

/**
 * A yes or no said in a sentence of its own: "Không, tôi không muốn để lại số điện thoại.",
 * "không để số đâu ạ", "ok để lại số đi". A refusal anywhere outweighs a yes.
 */
function consentAnswer(words: string[], offered: readonly IntakeWord[]): IntakeWord | undefined {
  if (!offered.includes('decline')) return undefined;
  const refuses = words[0] === 'khong' || words.some((w, i) => NEGATIONS.has(w) && REFUSED.has(words[i + 1] ?? ''));
  if (refuses) return offered.find((w) => w === 'decline' || w === 'skip');
  const aboutConsent = words.length <= 3 || words.some((w) => CONSENT_WORDS.has(w));
  if (YES.has(words[0]!) && aboutConsent) return offered.find((w) => w === 'agree');
  return undefined;
}

/** A describe-step message that ends the story: "…, xong rồi" → the part before it (possibly empty). */
export function storyBeforeDone(typed: string): string | undefined {
  let story = typed.normalize('NFC');
  let done = false;
  // "… Xong rồi, vậy thôi.": every ending phrase comes off.
  for (let match = DONE_ENDING.exec(fold(story)); match; match = DONE_ENDING.exec(fold(story))) {
    // fold() keeps one character per NFC letter, so the folded length cuts the original too.
    story = story.slice(0, (match[1] ?? '').length).trim();
    done = true;
  }
  return done ? story : undefined;
}

// "xong rồi", "xong r", "vậy thôi", "hết rồi đó con" (or a few in a row: "vậy thôi hết rồi"), as a clause of its own after the story (after a
// comma or a full stop, or the whole message): "tôi nộp hồ sơ xong rồi" is part of the story.
const ENDING = String.raw`xong(?: het)?(?: roi| r)?|vay thoi|the thoi|het(?: roi| r)?`;
const DONE_ENDING = new RegExp(String.raw`^(?:(.*?)[,.;:!?-]\s*|\s*)\b(?:chi (?=vay thoi))?(?:${ENDING})(?:\s+(?:${ENDING}))*(?:\s+(?:a|nha|nhe|ne|nghen|do|day|con|ad|chau|em|nhi))*[\s.!]*$`, 's');

function core(typed: string): string[] {
  return fold(typed)
    .replace(/[^\p{L}\p{N}/\s]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => (SHORTHAND.get(w) ?? w).split(' '));
}

/** The answer as typed, without trailing padding, and without a leading "ok"/"vâng" too. */
function variants(words: string[]): string[] {
  const out = [words.join(' ')];
  let end = words.length;
  while (end > 1 && TRAILING.has(words[end - 1]!)) out.push(words.slice(0, --end).join(' '));
  let start = 0;
  while (start < end - 1 && LEADING.has(words[start]!)) out.push(words.slice(++start, end).join(' '));
  return out;
}

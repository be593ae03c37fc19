// Finds the places a message names: a type word and a known name ("phường Bến Nghé",
// "p3", "tt Chúc Sơn"), or a known name of two words or more on its own ("Bến Nghé",
// "Bình Dương"). A typed name not known gives the known names one slip away as
// candidates (the resolver keeps them only when the rest of the address backs them) and
// is reported as unknown with the closest names; so does a mistyped district, which may
// only back the commune beside it. It also notes the words that ask about
// a place ("cũ", "sáp nhập", "giờ thuộc…"), and drops names that everyday words happen
// to spell unless such a word or an address stands by them. Slips of typing it reads
// without an address only where they are plain (spaces moved, other marks, a letter
// typed twice, one slip off a name no other is as near); a mistyped place right after a
// typed one may only back it; a word of another language right before such a cue is a
// place not known.
import { foldCanonical } from '../kernel/vietnamese.ts';
import { levelOf, MAX_NAME_WORDS, writtenAs, type Gazetteer, type PlaceRef } from './gazetteer.ts';
import { isShorthand, keyOf, LEVEL_OF, plainKeyOf, placeTokens, placeWords, typeAt, typeHasMarks, type Level, type UnitType, type Word } from './names.ts';
import { compact, NearNames, type Near } from './near-names.ts';
import { numbersInDigits } from './spoken-numbers.ts';

type TypeMatch = ReturnType<typeof typeAt>;

export interface Mention {
  /** Words [start, end) of the message, the type word included. */
  start: number;
  end: number;
  type?: UnitType;
  refs: readonly PlaceRef[];
  /** The name as typed, without its type ("ben nghe"). */
  typed: string;
  /** Read from a mistyped name: how many letters differ for each place. Such a place needs the message's other places to back it… */
  typos?: ReadonlyMap<PlaceRef, number>;
  /** …unless the slip is plain: a letter off a longish name that no other name comes near. */
  plainSlip?: boolean;
  /** Guessed bare beside a typed place ("xã Mỹ Sơn, Nghệ Ab"): it may only back that place, never be the place asked about. */
  beside?: boolean;
  /** Read from the first words of a longer name not known ("phường Hoa Mai Xanh", "xã Thắng Thiệu"): that name, to say it is not known. */
  said?: string;
  /** Named with its type and a name that is not an everyday word: several words, or a number ("phường Bến Nghé", "p3"). */
  strong: boolean;
  /** A name typed as it is: other ways to read it, for when the address rules out every place it names (see otherReadings). */
  others?: () => Mention[];
}

export interface Unknown {
  /** Left out for a name of another language said bare (see foreignName). */
  type?: UnitType;
  typed: string;
  start: number;
  end: number;
  /** The known names closest to it, of a fitting level. */
  closest: PlaceRef[];
}

export interface Reading {
  words: readonly Word[];
  tokens: readonly string[];
  mentions: Mention[];
  /** A commune or province named with its type but not known, when no commune is named. */
  unknown?: Unknown;
  /** "cũ", "trước đây": the citizen speaks of the old unit. */
  old: boolean;
  /** "mới" right after a place or a type ("xã Nguyễn Việt Khái mới"): the citizen speaks of today's unit. */
  fresh: boolean;
  /** A word that speaks of a place's change ("cũ", "mới", "sáp nhập", "giờ thuộc", "phường nào"). */
  asksPlace: boolean;
  /** Of those, one that asks which unit it is now ("sáp nhập", "giờ thuộc", "phường nào"), not only "cũ". */
  asksWhich: boolean;
  /** A place is named with its type ("phường Bến Nghé", "xã Lâm cũ"). */
  typed: boolean;
  /** The message is little more than the place ("Bến Nghé?", "p3 q5"). */
  alone: boolean;
  /** Words that only say the message is about a place: left out when the rest is read as a procedure question. */
  cueWords: ReadonlySet<number>;
  /**
   * Names said after "ở", "về", "lên"… that no cue backs ("em ở trọ Bắc Ninh", "về Thái Bình làm"):
   * where the citizen lives or goes, not what they ask about. A procedure question reads without them.
   */
  whereabouts: Mention[];
}

const OLD_CUES = ['cũ', 'trước đây', 'trước kia', 'ngày trước', 'hồi trước', 'trước sáp nhập', 'trước khi sáp nhập'];
const PLACE_CUES = [
  ...OLD_CUES,
  'sáp nhập',
  'sát nhập',
  'xát nhập',
  'sắp xếp',
  'gộp vào',
  'gộp vô',
  'gộp với',
  'gộp lại',
  'gộp chung',
  'hợp nhất',
  'nhập vào',
  'nhập vô',
  'bị nhập',
  'về đâu',
  'giờ là',
  'nay là',
  // "Mường Khương giờ thành xã gì": what it became.
  'giờ thành',
  'nay thành',
  'đổi tên',
  'tên mới',
  'giờ tên',
  'nay tên',
  'giữ tên',
  'giữ nguyên',
  // "xã mới gồm những xã nào", not "hồ sơ gồm những gì".
  'gồm những xã',
  'gồm những phường',
  'gồm những tỉnh',
  'gồm những đâu',
  'gồm những nơi',
  'gồm các xã',
  'gồm các phường',
  'gồm các tỉnh',
  'vẫn vậy',
  'vẫn thế',
  'vẫn giữ',
  'có đổi',
  'còn tên',
  // "phường An Cựu giờ còn không": is it still there?
  'giờ còn không',
  'nay còn không',
  'có còn không',
  'bị chia',
  'chia ra',
  'chia làm',
];
/**
 * Cues that ask what a place is called or written as now, folded (typed with or without
 * marks): "gọi là gì", "tên gì", "tên j", "địa chỉ mới" ("đc chỉ mới"), "đơn vị mới",
 * "giờ ghi" ("h ghi": how to write it now), "giờ là" ("h là").
 */
const LOOSE_CUES = ['goi la gi', 'goi la j', 'ten gi', 'ten j', 'dia chi moi', 'dc chi moi', 'don vi moi', 'gio ghi', 'gio la'];
/** Cues that say what something is now, a unit or a value: not enough to take a word of another language for a place. */
const VALUE_CUES = ['gio la', 'nay la'];
/** Shorthand that teencode uses for an everyday word: "h" (a district's "huyện") is "giờ". */
const SPOKEN = new Map([['h', 'gio']]);
/** "mới" asks about the new unit only right after a place or a type ("xã mới", "phường Sài Gòn mới"), not in "căn cước mới". */
const FRESH = placeWords('mới')[0]!;
/** "thuộc" asks where a place belongs after "giờ", "nay" or before a type or "đâu" ("giờ thuộc xã nào"), not in "thuộc diện hộ nghèo". */
const BELONGS = placeWords('thuộc')[0]!;
const BELONGS_AFTER = new Set(['gio', 'h', 'nay', 'van']);
const BELONGS_BEFORE = new Set(['dau', 've', 'tinh', 'tp']);
/** "(trước) thuộc thị xã Điện Bàn", "hồi xưa thuộc huyện…": where a place belonged before, which asks nothing. */
const BELONGED = new Set(['truoc', 'xua', 'tung', 'cu']);
/** "xã hội", "xã viên": the word "xã" that is no unit. */
const NOT_A_NAME = new Set(['hoi', 'vien']);
/** Teencode that stands for everyday words (folded): "j" gì, "mn" mọi người, "bik" biết, "r" rồi, "dc" được; no name holds them. */
const TEENCODE = ['j', 'mn', 'bik', 'r', 'dc', 'hk', 'hok', 'ntn', 'ten'];
/** Words that end a name not known ("phường Ben Ngé cũ giờ…") or say there is none ("phường nào"). */
const NAME_STOPS = new Set([...NOT_A_NAME, 'nao', 'gi', 'minh', 'toi', 'em', 'nha', 'nay', 'do', 'kia', 'cu', 'moi', 'cua', 'o', 'la', 'thi', 'va', 'hay', 'hoac', 'voi', 'nhe', 'a', 'oi', 'ban', 'dang', 'da', 'con', 'cung', 'co', 'khong', 'ko', 'k', 'thuoc', 'gio', 'h', 'sap', 'sat', 'nhap', 'gop', 'duoc', 'truoc', 'sau', 'quan', 'huyen', 'tinh', 'thanh', 'tp', 'nop', 'lam', 'ho', 'so', 'dau', 'ubnd', 'uy', 'hien', 'bay', 'ad', 'vay', 'z', 'v', ...TEENCODE]);
/** Words that end a name only as typed with their marks: "bị" ("tỉnh bị gộp hết rồi"), though "Cổ Bi", "Bì Nh[ơn]" hold their letters. */
const MARKED_STOPS: ReadonlySet<string> = new Set(['bị']);
/** Of the words that end a name, those names often hold with other marks, and the everyday words they stand for: typed with other marks, a name goes on through them ("Pa Vây Sử", "Tăng Bạt Hổ"). */
const STOPS_AS_TYPED: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['vay', new Set(['vậy', 'vay'])],
  ['ho', new Set(['hồ', 'hộ', 'họ', 'ho'])],
]);

/** The word ends a name: one of NAME_STOPS, unless typed with other marks than the everyday word's, or one of MARKED_STOPS as typed. */
function stopsName(word: Word): boolean {
  const asTyped = STOPS_AS_TYPED.get(word.folded);
  if (asTyped && word.canon !== word.folded && !asTyped.has(word.canon)) return false;
  return NAME_STOPS.has(word.folded) || MARKED_STOPS.has(word.canon);
}
/** A no after "đúng" makes a question tag ("đúng không", "đúng ko ad"). */
const NEGATIONS = new Set(['khong', 'ko', 'k', 'hong', 'hem', 'kh', 'khg', 'chua']);
/** Of those, words common inside names ("Đa Phước Hội", "Tân Thanh Lâm", "Nguyễn Cư Trinh"), through which a mistyped name may run. */
const INNER_STOPS = new Set(['hoi', 'thanh', 'lam', 'minh', 'ho', 'da', 'do', 'co', 'ban', 'hien', 'dang', 'la', 'a', 'oi', 'o', 'con', 'nha', 'so', 'vien', 'thi', 'cu']);
/** A slip one slip off a name stands on its own (no address to back it) when it has this many letters and no other name is as near. */
const PLAIN_SLIP_LETTERS = 5;
/** A name this long is no everyday word: typed, a place in a place question; beside a typed place, worth a guess. */
const LONG_NAME_LETTERS = 6;
/** Typed right (or plainly slipped) and asked about, a name this long is a place ("xã Lìa"). */
const SHORT_TYPED_LETTERS = 3;
/** How far a mistyped name may be from the name meant: one slip (see NearNames); two make rather another name. */
const ONE_SLIP = 1;
/** What a name typed with its letters but other marks costs as a slip: less than a letter off. */
const MARK_SLIP = 0.5;
/** What a name a letter off costs more when its marks are not those typed (see slipsOf). */
const MARKS_OFF = 0.5;
/** Slips a mistyped name may differ by: none in short names, where one letter makes another name. */
const maxTypos = (letters: number) => (letters <= 3 ? 0 : ONE_SLIP);
/** Shorter than this, a name is not even guessed at with its spaces moved ("ủ á" is not Uar). */
const SPACED_LETTERS = 4;
/** A letter off a name this short is likelier another name: the guess costs more, and needs more backing. */
const SHORT_NAME = 4;
const SHORT_SLIP = 0.5;
const UNKNOWN_WORDS = 4;
/** How far a suggestion for an unknown name may be. */
const SUGGEST_DISTANCE = 3;
/** A message is about a place alone when at most this many of its words are not the place or a cue ("Bến Nghé ạ?"). */
const ALONE_WORDS = 1;
/** A Vietnamese syllable, folded: an onset, one to three vowels, a final ("nguyen", "thuong"); "westminster", "kaohsiung" are none. */
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$/;
const isSyllable = (folded: string) => !/^[a-z]+$/.test(folded) || SYLLABLE.test(folded);
/** A name of another language is taken for one only this long: "ok", "zalo" are not. */
const FOREIGN_LETTERS = 6;
/** After "ở", "tại" a name of another language may be shorter ("ở Osaka"). */
const ABROAD_LETTERS = 5;
/** Between a name and its cue only these may stand ("Bến Nghé giờ thuộc…"); "độc lập, không thuộc" is no cue of Độc Lập. */
const CUE_FILLERS = new Set(['gio', 'h', 'nay', 'bay', 'hien', 'da', 'van', 'roi', 'la', 'thi', 've']);
/** How many of those may stand in a row ("bây giờ", "h là"). */
const FILLERS = 4;
/** Letters a word of a cue needs before a wrong mark on it is taken for a slip. */
const SLIP_LETTERS = 4;
/** Words between an old commune and its district that still say they go together ("là thị trấn của"). */
const DISTRICT_GAP = 4;
/** How far apart the codes of two communes of one old district may lie (a district's block is a few dozen). */
const DISTRICT_CODES = 40;
/** Words before a place a citizen lives in or goes to (folded): "ở", "tại", "về", "lên", "vào", "ra", "xuống", "trọ", "quê". */
const LOCATIVES = new Set(['o', 'tai', 've', 'len', 'vao', 'ra', 'xuong', 'tro', 'que']);
/** Before a place abroad: where one is ("ở", "bên"), or goes ("sang", "qua"). */
const ABROAD_BEFORE = new Set([...LOCATIVES, 'ben', 'sang', 'qua']);
/** Places of one address are this close ("xã A, huyện B"). */
const ADDRESS_GAP = 2;
/** A message is typed with diacritics when more than one word in this many carries them. */
const ACCENTED_SHARE = 3;
/** District types whose mistyped names are guessed at ("thành phố Đà Lạtt"; not where a province's name stands, as a city's may be). */
const GUESSED_DISTRICTS: ReadonlySet<UnitType> = new Set(['quan', 'huyen', 'thi xa', 'thanh pho']);
/** Types whose names are all in the file: a name of these not found is unknown. Districts are only named where the file needed them, villages hardly ever (and "hàng xóm" is a neighbour). */
const LISTED_LEVELS: ReadonlySet<Level> = new Set(['commune', 'province']);
/** "hàng xóm" is a neighbour, not a hamlet. */
const NEIGHBOUR = 'hang';

interface Phrase {
  words: readonly Word[];
  /** Matched by its letters alone, or by the shorthand typed for a word ("h ghi" is "giờ ghi"). */
  loose?: boolean;
}

export class MentionReader {
  private readonly near: NearNames;
  private readonly oldCues: Phrase[];
  private readonly placeCues: Phrase[];
  /** The first word of every known name (folded). */
  private readonly firstWords: Set<string>;
  /** The first two words of every known name (folded): "bản lầu" is a commune's name, not a hamlet's type and name. */
  private readonly twoWordStarts: Set<string>;
  private readonly valueCues: Phrase[] = VALUE_CUES.map(loosePhrase);
  /** Every word of every known name (folded). */
  private readonly nameWords: Set<string>;

  /** Places abroad (knowledge/places/abroad.yaml) as folded keys, less those a unit of Vietnam bears. */
  private readonly abroad: ReadonlySet<string>;

  constructor(
    private readonly gazetteer: Gazetteer,
    abroad: readonly string[] = [],
  ) {
    this.abroad = new Set(abroad.map((name) => keyOf(placeWords(name))).filter((key) => key && gazetteer.named(key).length === 0));
    this.near = new NearNames(gazetteer.keys());
    this.firstWords = new Set([...gazetteer.keys()].map((key) => key.split(' ')[0]!));
    this.twoWordStarts = new Set([...gazetteer.keys()].map((key) => key.split(' ').slice(0, 2).join(' ')));
    this.nameWords = new Set([...gazetteer.keys()].flatMap((key) => key.split(' ')));
    this.oldCues = OLD_CUES.map((p) => ({ words: placeWords(p) }));
    this.placeCues = [...PLACE_CUES.map((p) => ({ words: placeWords(p) })), ...LOOSE_CUES.map(loosePhrase)];
  }

  read(said: string): Reading {
    const text = numbersInDigits(said);
    const words = placeWords(text);
    const tokens = placeTokens(text);
    const types = typesOf(words, tokens).map((typed, i) =>
      typed && LEVEL_OF[typed.type] === 'village' && (this.twoWordStarts.has(`${words[i]!.folded} ${words[i + 1]?.folded}`) || this.placeFollows(typed, words, i)) ? undefined : typed,
    );
    const found: Mention[] = [];
    // Where a type stands before a name not known; a guessed name may be dropped below, so it counts too.
    let unknownAt: number | undefined;
    // Hamlets and streets ("thôn Plei Ơi Tơ"): the file lists none, so the first asked about is a name not known.
    const villages: number[] = [];
    for (let i = 0; i < words.length; ) {
      const typed = types[i];
      const read = typed ? this.typedMention(words, types, i, typed.type, typed.length) : this.untypedMention(words, types, i, found.at(-1));
      // "ấp Cây Dương Lớn": typed on past a commune's name, a hamlet's name is its own.
      const mention = typed && read?.said !== undefined && LEVEL_OF[typed.type] === 'village' ? undefined : read;
      if (typed && unknownAt === undefined && (!mention || mention.said !== undefined || (mention.typos && !mention.plainSlip)) && LISTED_LEVELS.has(LEVEL_OF[typed.type]) && typed.type !== 'thanh pho') unknownAt = i;
      if (typed && !mention && LEVEL_OF[typed.type] === 'village' && words[i - 1]?.folded !== NEIGHBOUR) villages.push(i);
      if (mention) {
        found.push(mention);
        i = mention.end;
        continue;
      }
      i += typed?.length ?? 1;
    }
    const cues = this.cues(words, types, found);
    const named = this.askedAbout(words, types, found, cues);
    const alone = named.length > 0 && words.length - named.reduce((n, m) => n + m.end - m.start, 0) - cues.at.size <= ALONE_WORDS;
    const mentions = alone ? named : corroborated(named, cues, words);
    // "tỉnh Hà Nam trong danh sách … Tỉnh Hà Nam cũ giờ thuộc tỉnh nào": typed on past a name that the message
    // says again cleanly, it is that place said in passing, not a longer name no unit bears.
    const passing = found.find((m) => m.start === unknownAt && m.said !== undefined && found.some((o) => o !== m && o.said === undefined && !o.typos && o.type === m.type && o.typed === m.typed));
    if (passing) unknownAt = undefined;
    const typedThere = found.find((m) => m.start === unknownAt);
    const guessEnd = unknownAt === undefined ? undefined : typedNameEnd(words, types, unknownAt);
    // A name said bare right after a typed name found in no reading, not even as a slip, is its address
    // ("thị trấn Plây Kần, Ngọc Hồi"), not the place asked about; a slip it backs is read as usual.
    const addressOfGuess = (m: Mention) => guessEnd !== undefined && !typedThere && !m.type && m.start >= guessEnd && m.start - guessEnd <= ADDRESS_GAP;
    // "Đường Hoàng Quốc Việtt", "thôn Hoàng Quốc Việtt": a commune's name read bare inside a hamlet's or a street's is a piece of it.
    const villageNames = villages.map((at) => ({ from: at + types[at]!.length, end: typedNameEnd(words, types, at) ?? 0 }));
    const insideGuess = (m: Mention) => !m.type && m.refs.every((r) => levelOf(r) === 'commune') && villageNames.some(({ from, end }) => m.start > from && m.start < end);
    // A district said with its type ("huyện Mường Tè") names no commune, though a new commune may bear its name.
    const namesCommune = mentions.some((m) => !m.beside && !addressOfGuess(m) && !insideGuess(m) && !ranOnUntyped(m) && !this.ranOnByFew(m, words) && !saidAsDistrict(m, types) && m.refs.some((r) => levelOf(r) === 'commune'));
    // The closest names are looked for only when the unknown name is what the message asks about.
    const guess = namesCommune || unknownAt === undefined ? undefined : this.unknownAt(words, types, unknownAt, typedThere);
    const villageAt = villages[0];
    const village = guess || namesCommune || villageAt === undefined || !cues.asksWhich ? undefined : this.unknownAt(words, types, villageAt);
    const unknown = guess ?? village;
    const foreign = unknown || mentions.length || !cues.asksWhich ? undefined : this.foreignName(words, tokens, cues.at);
    return {
      words,
      tokens,
      mentions,
      // A type and a name not known ("phường Kim Cương cũ") is an unknown place only when the message asks about it.
      ...(unknown && !namesCommune && (cues.asksWhich || cueFollows(unknown, cues.at, words)) ? { unknown } : foreign ? { unknown: foreign } : {}),
      old: cues.old,
      fresh: cues.fresh,
      asksPlace: cues.asksPlace,
      asksWhich: cues.asksWhich,
      cueWords: cues.at,
      whereabouts: found.filter((m) => !mentions.includes(m) && !m.type && !m.beside && m.end - m.start >= 2 && LOCATIVES.has(words[m.start - 1]?.folded ?? '')),
      typed: mentions.some((m) => m.type),
      alone,
    };
  }

  /**
   * The names found, less those said bare inside a cue ("gọi là gì" holds La Gi) and the
   * guesses beside a place when the message does not ask about one, with
   * the names said bare and mistyped right before a cue ("KKim Long nhập vô đâu").
   */
  private askedAbout(words: readonly Word[], types: readonly TypeMatch[], found: readonly Mention[], { at: cues, asksPlace }: { at: ReadonlySet<number>; asksPlace: boolean }): Mention[] {
    const inCue = (m: Mention) => positionsOf(m).some((k) => cues.has(k));
    // A guess beside a place is worth making only in a question about places.
    const kept = found.filter((m) => (m.type || !inCue(m)) && (!m.beside || asksPlace));
    const taken = new Set(kept.flatMap(positionsOf));
    for (const at of cues) {
      if (cues.has(at - 1)) continue;
      let end = at;
      for (let n = 0; n < FILLERS && end > 0 && saidAs(CUE_FILLERS, words[end - 1]) && !cues.has(end - 1); n++) end--;
      // "Thanhh An, Đồng Nai nhập vô đâu": a slip before the province said with it, which backs it.
      const province = kept.find((m) => m.end === end && !m.type && words[m.start]!.breakBefore && m.refs.every((r) => levelOf(r) === 'province'));
      const slip = province ? this.bareSlip(words, types, province.start, taken, true) : this.bareSlip(words, types, end, taken);
      if (slip) kept.push(slip);
    }
    return kept.sort((a, b) => a.start - b.start);
  }

  /**
   * A name of two or three words said bare and mistyped, ending at `end`: only a plain
   * slip (a letter typed twice, spaces moved, a letter off a name no other comes near)
   * that leaves a word no name has, which the resolver lets stand; `addressed` (the
   * province said after it, which may back it), any slip.
   */
  private bareSlip(words: readonly Word[], types: readonly TypeMatch[], end: number, taken: ReadonlySet<number>, addressed = false): Mention | undefined {
    const marked = typedWithMarks(words);
    for (let length = 3; length >= 2; length--) {
      const start = end - length;
      // Before a province, the name may run through a word that ends others ("Trưường Thi, Thanh Hóa"); before a cue alone, not ("quê làm giờ…").
      if (start < 0 || (words[end]?.breakBefore && !addressed) || (addressed ? this.slipRun(words, types, start) : nameRun(words, types, start)) < length) continue;
      const span = words.slice(start, end);
      const typed = keyOf(span);
      // A slip leaves a word no name has ("KKim", "Lmâ"), or a longish name's letters with other marks ("Quỳnh Hãi");
      // everyday words respaced are no slip ("công an" is not Cô Ngân), nor are names' words made up into another.
      const remarked = this.gazetteer.named(typed).length > 0 && compact(typed).length >= LONG_NAME_LETTERS;
      // Names' words made up into another may still be a plain slip of one name typed with its marks ("Kẻ Xặt", "Diêm Điềm"),
      // asked about alone: before a province they are rather a name made up ("Trân Khánh, Tây Ninh").
      const madeUp = !remarked && span.every((w) => this.nameWords.has(w.folded));
      if (span.some((w, k) => taken.has(start + k) || (k > 0 && w.breakBefore)) || (madeUp && (!marked || addressed))) continue;
      const mention = { start, end, typed: canonOf(span), strong: false };
      const undoubled = this.named(typed.replace(/(\p{L})\1+/gu, '$1'), 'xa');
      if (undoubled.length && !this.named(typed, 'xa').length) return { ...mention, refs: undoubled };
      const { typos, plainSlip } = this.slipsOf(span, 'xa', false, marked);
      if (madeUp && !(plainSlip && [...typos.values()].includes(ONE_SLIP))) continue;
      if ((plainSlip || addressed) && typos.size) return { ...mention, refs: [...typos.keys()], typos, plainSlip };
    }
    return undefined;
  }

  /** Words that speak of a place's change, outside the names themselves ("Củ Bi" holds no "cũ"). */
  private cues(words: readonly Word[], types: readonly TypeMatch[], mentions: readonly Mention[]): { at: Set<number>; old: boolean; fresh: boolean; asksPlace: boolean; asksWhich: boolean } {
    // A cue may start inside a bare name, not at its start ("co bi nhap khong": "Cổ Bi" read bare, then "bị nhập").
    const inName = new Set(mentions.flatMap((m) => positionsOf(m).filter((k) => m.type || k === m.start)));
    const typedEnds = new Set(mentions.filter((m) => m.type).map((m) => m.end));
    const starts = new Set(mentions.map((m) => m.start));
    const at = new Set<number>();
    let old = false;
    let anyFresh = false;
    let asksWhich = false;
    for (let i = 0; i < words.length; i++) {
      if (inName.has(i)) continue;
      const cue = this.placeCues.find((p) => matchesAt(words, i, p.words, p.loose));
      const fresh = matchesAt(words, i, [FRESH]) && !words[i]!.breakBefore && (typedEnds.has(i) || types[i - 1] !== undefined);
      const belongs =
        matchesAt(words, i, [BELONGS]) &&
        (saidAs(BELONGS_AFTER, words[i - 1]) || BELONGS_BEFORE.has(words[i + 1]?.folded ?? '') || types[i + 1] !== undefined || starts.has(i + 1));
      if (belongs) {
        const before = words[i - 1]?.folded ?? '';
        // "trước đây thuộc": the word before "thuộc" is "đây" after "trước".
        const past = BELONGED.has(before) || (before === 'day' && words[i - 2]?.folded === 'truoc');
        if (past) old = true;
        else asksWhich = true;
        at.add(i);
      }
      if (cue || fresh) {
        const isOld = this.oldCues.some((p) => matchesAt(words, i, p.words));
        asksWhich ||= cue !== undefined && !isOld;
        old ||= isOld;
        // "xã Nguyễn Việt Khái mới" speaks of today's commune; "tỉnh Tây Ninh mới", of the province only.
        anyFresh ||= fresh && mentions.some((m) => m.end === i && m.refs.some((r) => levelOf(r) === 'commune'));
        for (let k = i; k < i + (cue?.words.length ?? 1); k++) at.add(k);
      }
      // "phường nào", "xã gì", "chia về mấy xã": asks which unit.
      const typed = types[i];
      // "mấy bản sao" asks nothing of a hamlet (bản): only how many communes.
      const howMany = typed !== undefined && words[i - 1]?.folded === 'may' && LEVEL_OF[typed.type] === 'commune';
      if (typed && (['nao', 'gi', 'j'].includes(words[i + typed.length]?.folded ?? '') || howMany)) {
        asksWhich = true;
        at.add(i);
      }
    }
    return { at, old, fresh: anyFresh, asksPlace: at.size > 0, asksWhich };
  }

  /**
   * A type word and the known name after it (see knownName); else, or when the word after
   * that name goes on with it ("phường Đồng Nhn": Đông, then a slip of Đồng Nhân), a
   * mistyped name that runs further.
   */
  private typedMention(words: readonly Word[], types: readonly TypeMatch[], at: number, type: UnitType, typeLength: number): Mention | undefined {
    const from = at + typeLength;
    if (words[from]?.breakBefore) return undefined;
    const found = this.knownName(words, types, at, type, typeLength);
    const listed = LISTED_LEVELS.has(LEVEL_OF[type]) && type !== 'thanh pho';
    // A name typed right may still be a slip of another, when the address says it is not this one ("xã Tâm Thành, huyện Kim Sơn"): looked for only then.
    const known = found && listed ? { ...found, others: () => this.otherReadings(words, types, found) } : found;
    // A name with other marks ("Tâm Thành") is weighed with the names a letter off it (Tân Thành).
    if (known && !known.typos && !this.nameGoesOn(words, types, known.end)) return known;
    // "xã hội", "xã viên": no name, and no slip of one either.
    if (!known && NOT_A_NAME.has(words[from]?.folded ?? '')) return undefined;
    // A mistyped district ("huyện Kien Thuyy") is looked for too, where no other known name stands ("quận Thanh Khê" is
    // the new ward's name): it may only back the commune beside it.
    const guessed = listed || (GUESSED_DISTRICTS.has(type) && !this.provinceAt(words, from) && !this.bareMention(words, types, from));
    // A name with other marks may run through a word that ends others ("Yến Cư": "cư" is "cũ" unmarked): its slips are read that far.
    const slip = guessed ? this.mistyped(words, types, at, type, typeLength, known?.typos !== undefined, known?.typos ? known.end - from : 0) : undefined;
    if (!known || (slip && slip.end >= known.end && (slip.end > known.end || known.typos) && !restates(slip, known))) return slip;
    // Typed on past the known name ("xã Thắng Thiệu"): maybe a longer name not known.
    return this.nameGoesOn(words, types, known.end) ? { ...known, said: canonOf(words.slice(from, known.end + nameRun(words, types, known.end))) } : known;
  }

  /**
   * The longest known name after a type word of that very type ("tp Gò Công" is the
   * city, not the district Gò Công Đông that "tp Gò Công Đông Tháp" also spells), else
   * of a fitting level, else one with other marks. Where a province's name starts inside
   * a name and runs past it, a shorter name before the province wins ("xã Tân Hòa Tây
   * Ninh" is Tân Hòa, in Tây Ninh, not Tân Hòa Tây), if there is one ("xã Hòn Nghệ An
   * Giang" is Hòn Nghệ).
   */
  private knownName(words: readonly Word[], types: readonly TypeMatch[], at: number, type: UnitType, typeLength: number): Mention | undefined {
    const from = at + typeLength;
    let overlapped: Mention | undefined;
    let fitting: Mention | undefined;
    let misspelt: Mention | undefined;
    for (let length = Math.min(MAX_NAME_WORDS, nameSpan(words, types, from)); length >= 1; length--) {
      const span = words.slice(from, from + length);
      const { named, refs } = this.lookUp(span, type);
      const mention = { start: at, end: from + length, type, typed: canonOf(span), strong: length > 1 || /^\d/.test(span[0]!.folded) };
      if (refs.length && this.provinceRunsPast(words, from, from + length)) {
        overlapped ??= { ...mention, refs };
        continue;
      }
      if (refs.some((r) => writtenAs(r).type === type)) return { ...mention, refs };
      if (refs.length) fitting ??= { ...mention, refs };
      // "Hiệp Nình" for Hiệp Ninh: the letters of a name with other marks, a slip the rest of the address must back.
      else if (named.length) misspelt ??= { ...mention, refs: named, strong: false, typos: new Map(named.map((r) => [r, 1])) };
    }
    // "thi tran nong truong thai binh dinh lap": Bình Định runs past the thị trấn, but the shorter name is only a xã.
    const overlappedTyped = overlapped?.refs.some((r) => writtenAs(r).type === type);
    return (overlappedTyped ? overlapped : fitting) ?? overlapped ?? misspelt;
  }

  /**
   * Other readings of a name typed as it is, the likelier first: a shorter known name
   * ("xa dai dong thanh chuong": Đại Đồng, in huyện Thanh Chương, not Đại Đồng Thành), then
   * the names it may be a slip of ("xã Tâm Thành, huyện Kim Sơn": Tân Thành).
   */
  private otherReadings(words: readonly Word[], types: readonly TypeMatch[], known: Mention): Mention[] {
    const typeLength = types[known.start]!.length;
    const from = known.start + typeLength;
    const readings: Mention[] = [];
    for (let length = known.end - from - 1; length >= 1; length--) {
      const span = words.slice(from, from + length);
      const refs = this.lookUp(span, known.type!).refs;
      if (refs.length) readings.push({ start: known.start, end: from + length, type: known.type!, refs, typed: canonOf(span), strong: length > 1 });
    }
    const slip = this.mistyped(words, types, known.start, known.type!, typeLength, true);
    return slip ? [...readings, slip] : readings;
  }

  /** The word at `at` may be more of the name before it: no word that ends a name, no type, province or other known name. */
  private nameGoesOn(words: readonly Word[], types: readonly TypeMatch[], at: number): boolean {
    return nameRun(words, types, at, (i) => this.provinceAt(words, i)) > 0 && !words[at]!.breakBefore && !this.provinceAt(words, at) && !this.bareMention(words, types, at);
  }

  /**
   * The places a span names with a fitting type, and those spelt as typed. A span found
   * only as written, not read as Telex ("ia der"), is a name of another language typed
   * without its marks: spelt as typed.
   */
  private lookUp(span: readonly Word[], type: UnitType): { named: PlaceRef[]; refs: PlaceRef[] } {
    const key = keyOf(span);
    const named = this.named(key, type);
    const refs = named.filter((r) => spelledAs(span, writtenAs(r).name));
    // Read as Telex, it is a name with other marks; as written, maybe a name ("ia tor": Ia Tôr, not Ia Tô).
    const plainKey = plainKeyOf(span);
    const plain = refs.length || plainKey === key ? [] : this.named(plainKey, type);
    return plain.length || !named.length ? { named: plain, refs: plain } : { named, refs };
  }

  /** A province's name starts inside [from, end) and runs past its end. */
  private provinceRunsPast(words: readonly Word[], from: number, end: number): boolean {
    for (let k = from + 1; k < end; k++) {
      for (let length = end - k + 1; length <= Math.min(MAX_NAME_WORDS, words.length - k); length++) {
        if (this.isProvince(words.slice(k, k + length))) return true;
      }
    }
    return false;
  }

  /** The words spell a province's name (new or old), as typed ("Quang Ninh" typed so is not Quảng Ninh). */
  private isProvince(span: readonly Word[]): boolean {
    return this.gazetteer.named(keyOf(span)).some((r) => levelOf(r) === 'province' && spelledAs(span, writtenAs(r).name));
  }

  /**
   * A name after a type word that is no known name: a letter typed twice ("hai phuu")
   * is plainly a slip; otherwise every known name one slip off, or with the
   * same letters and other marks, is a candidate, which the resolver keeps only when
   * the message's other places back it. `atLeast`: words the name runs, read as another's marks.
   */
  private mistyped(words: readonly Word[], types: readonly TypeMatch[], at: number, type: UnitType, typeLength: number, remark = false, atLeast = 0): Mention | undefined {
    const from = at + typeLength;
    const marked = typedWithMarks(words);
    let found: { mention: Mention; distance: number } | undefined;
    const run = Math.min(3, Math.max(atLeast, this.slipRun(words, types, from)));
    for (let length = run + (this.endsInNameWord(words, types, from + run) ? 1 : 0); length >= 1; length--) {
      const span = words.slice(from, from + length);
      const typed = keyOf(span);
      // A guessed name is never strong: it needs a cue or an address around it.
      const mention = { start: at, end: from + length, type, typed: canonOf(span), strong: false };
      // Only a letter typed twice makes a plain slip: a known name typed as it is was weighed before.
      const single = typed.replace(/(\p{L})\1+/gu, '$1');
      const undoubled = single === typed ? [] : this.named(single, type);
      if (undoubled.length) return { ...mention, refs: undoubled };
      const { typos, plainSlip, closest } = this.slipsOf(span, type, remark, marked);
      // The span whose closest name is closest; of two as close, the longer one (tried first). Other marks
      // on a shorter span are no closer than a letter off a longer one ("Đồng Tin": Đồng Tiến, not Đông).
      const distance = Math.ceil(closest);
      if (!typos.size || (found && distance >= found.distance)) continue;
      found = { mention: { ...mention, refs: [...typos.keys()], typos, ...(plainSlip ? { plainSlip } : {}) }, distance };
    }
    const end = found?.mention.end ?? from;
    // A province said right after is the name's address, not more of it ("thị trấn Mường Khươnh Lào Cai").
    const after = words[end]?.breakBefore || this.provinceAt(words, end) ? 0 : nameRun(words, types, end);
    if (!found || !after) return found?.mention;
    // The first words of a longer name not known ("xa Ngoc Lan Trung", "p.Cỏ May Tây") are no plain slip: the words after them are left unread.
    const { plainSlip, ...guess } = found.mention;
    return { ...guess, said: canonOf(words.slice(from, Math.min(end + after, from + UNKNOWN_WORDS))) };
  }

  /**
   * The word at `at`, read as a type or a joining word, may be the last of a mistyped name
   * ("xã Lương Thôn, huyện Hà Quảng": Lương Thông; "phường Đông Va thành phố Huế": Đông Ba)
   * when the message's address goes on right after it (a comma, a type word, a province). A name is only taken so when it is a slip off a
   * longer known name than the words before it (see mistyped: of two as close, the longer).
   */
  private endsInNameWord(words: readonly Word[], types: readonly TypeMatch[], at: number): boolean {
    const word = words[at];
    if (!word || word.breakBefore || !(types[at] || stopsName(word)) || (types[at]?.length ?? 1) > 1 || this.provinceAt(words, at)) return false;
    const next = words[at + 1];
    return !next || next.breakBefore || !!types[at + 1] || this.provinceAt(words, at + 1);
  }

  /**
   * The known names a span may be a slip of, with how far each is: one slip off (none in
   * short names), or the same letters with other marks ("Đông Phửơng"), which counts for
   * less; `remark`: those too when a name is also spelt so. Plain: see isPlainSlip.
   * `marked`: the message is typed with marks, so a name a letter off whose marks are not
   * the ones typed is the further ("Khánh Thàn" is Khánh Thành before Khánh Thuận).
   */
  private slipsOf(span: readonly Word[], type: UnitType, remark: boolean, marked: boolean): { typos: Map<PlaceRef, number>; plainSlip: boolean; closest: number } {
    const typed = keyOf(span);
    const letters = compact(typed).length;
    const typos = new Map<PlaceRef, number>();
    // These letters with other marks; a name spelt as typed was weighed as a known name (`remark`: weighed and ruled out).
    const named = this.named(typed, type);
    const spelt = named.filter((r) => spelledAs(span, writtenAs(r).name));
    if (!spelt.length || remark) for (const ref of named) if (!spelt.includes(ref)) typos.set(ref, MARK_SLIP);
    const offMarks = (ref: PlaceRef) => marked && !marksAgree(span, writtenAs(ref).name);
    const near = this.near.within(typed, ONE_SLIP, (key) => key !== typed && this.named(key, type).length > 0);
    // How far the closest name is, its marks aside: what the span is chosen by (see mistyped).
    let closest = typos.size ? MARK_SLIP : Infinity;
    for (const { key, distance } of near.filter((n) => n.distance <= maxTypos(letters) && letters >= SPACED_LETTERS)) {
      const slip = letters <= SHORT_NAME ? distance + SHORT_SLIP : distance;
      closest = Math.min(closest, slip);
      for (const ref of this.named(key, type)) if (!typos.has(ref)) typos.set(ref, slip + (offMarks(ref) ? MARKS_OFF : 0));
    }
    // Of the names a letter off, those with the marks typed are the ones weighed for a plain slip.
    const withMarks = near.filter((n) => n.distance === 0 || this.named(n.key, type).some((ref) => !offMarks(ref)));
    const weighed = withMarks.some((n) => n.distance > 0) ? withMarks : near;
    return { typos, plainSlip: isPlainSlip(letters, named.length > 0, spelt.length > 0, weighed), closest };
  }

  /**
   * How many words from `from` a mistyped name may take: as nameRun, except that its
   * first word may be one that ends other names when a known name starts with it
   * ("Thanh Sơn", "Quan Lạn", "Minh Khai").
   */
  private slipRun(words: readonly Word[], types: readonly TypeMatch[], from: number): number {
    const provinceAt = (i: number) => this.provinceAt(words, i);
    const first = words[from];
    if (questionTag(words, from)) return 0;
    let n = nameRun(words, types, from, provinceAt);
    if (n === 0 && first && !types[from] && this.firstWords.has(first.folded)) {
      const next = words[from + 1];
      n = next && !next.breakBefore && !provinceAt(from + 1) ? 1 + nameRun(words, types, from + 1, provinceAt) : 1;
    }
    // A word that ends a name may also be inside one ("Đa Phước Hội", "Tân Thanh"): a slip may run through it.
    while (n > 0 && n < 3) {
      const next = words[from + n];
      if (!next || !INNER_STOPS.has(next.folded) || next.breakBefore || types[from + n] || provinceAt(from + n)) break;
      n += 1 + nameRun(words, types, from + n + 1, provinceAt);
    }
    return n;
  }

  /** A province's name (new or old) starts at word i ("… Tây Ninh"). */
  private provinceAt(words: readonly Word[], i: number): boolean {
    for (let length = 1; length <= 4 && i + length <= words.length; length++) {
      if (this.isProvince(words.slice(i, i + length))) return true;
    }
    return false;
  }

  /** A name without a type word (see bareMention); else, right after a typed place, maybe a mistyped place of its address ("xã Mỹ Sơn, Nghệ Ab"). */
  private untypedMention(words: readonly Word[], types: readonly TypeMatch[], at: number, before: Mention | undefined): Mention | undefined {
    const bare = this.bareMention(words, types, at);
    // "cho e hoi phu loc": "hỏi" typed bare starts Hội Phú, but Phú Lộc runs further; an everyday word gives way.
    if (bare && NAME_STOPS.has(words[at]!.folded) && (this.bareMention(words, types, at + 1)?.end ?? 0) > bare.end) return undefined;
    if (bare || !before?.type || at !== before.end) return bare;
    // After a comma, a district's one-word name is the district of the place before it ("phường Hoa Lư, Pleiku").
    const word = words[at]!;
    const districts = word.breakBefore && !NAME_STOPS.has(word.folded) ? this.gazetteer.named(word.folded).filter((r) => r.kind === 'district' && spelledAs([word], writtenAs(r).name)) : [];
    if (districts.length) return { start: at, end: at + 1, refs: districts, typed: word.canon, strong: false };
    return this.guessedArea(words, types, at);
  }

  /**
   * A place a letter off what is typed ("Nghệ Ab", "Nha Tarng"), the span whose closest
   * name is closest: a guess that may only back the place before it, never rule it out.
   */
  private guessedArea(words: readonly Word[], types: readonly TypeMatch[], at: number): Mention | undefined {
    let found: Mention | undefined;
    let best = 2;
    for (let length = Math.min(3, this.slipRun(words, types, at)); length >= 1; length--) {
      const span = words.slice(at, at + length);
      if (compact(keyOf(span)).length < LONG_NAME_LETTERS) continue;
      const typos = new Map<PlaceRef, number>();
      for (const key of new Set([keyOf(span), plainKeyOf(span)])) {
        for (const near of this.near.within(key, 1, (k) => k !== key)) {
          for (const ref of this.gazetteer.named(near.key)) if (!typos.has(ref)) typos.set(ref, near.distance);
        }
      }
      const distance = Math.min(...typos.values());
      if (!typos.size || distance >= best) continue;
      [found, best] = [{ start: at, end: at + length, refs: [...typos.keys()], typed: canonOf(span), strong: false, typos, beside: true }, distance];
    }
    return found;
  }

  /** A known name of two words or more without a type word ("Bến Nghé", "Bình Dương"), or a province's one-word name ("Huế"). */
  private bareMention(words: readonly Word[], types: readonly TypeMatch[], at: number): Mention | undefined {
    for (let length = Math.min(MAX_NAME_WORDS, nameSpan(words, types, at)); length >= 1; length--) {
      const span = words.slice(at, at + length);
      if (/^\d/.test(span[0]!.folded)) return undefined;
      // Typed with diacritics, a name said bare must be spelt as the place is: "quê làm" is not Quế Lâm.
      const read = this.gazetteer.named(keyOf(span));
      const refs = read.length ? read.filter((r) => spelledAs(span, writtenAs(r).name)) : this.gazetteer.named(plainKeyOf(span));
      // Said bare, a province's name means the province ("Bình Dương cũ"), not a commune of that name.
      const provinces = refs.filter((r) => levelOf(r) === 'province');
      const kept = provinces.length ? provinces : length >= 2 ? refs : [];
      if (kept.length) return { start: at, end: at + length, refs: kept, typed: canonOf(span), strong: false };
    }
    return undefined;
  }

  /**
   * A name of another language right before a cue that asks which unit it is now
   * ("Westminster giờ tên mới là gì", "Kaohsiung giờ thuộc xã nào"): words no Vietnamese
   * syllable spells, read as typed or as Telex, and no place's name holds.
   */
  private foreignName(words: readonly Word[], tokens: readonly string[], cues: ReadonlySet<number>): Unknown | undefined {
    const foreign = (w: Word | undefined) => w !== undefined && !NAME_STOPS.has(w.folded) && !this.nameWords.has(w.folded) && !isSyllable(w.plain) && !isSyllable(w.folded);
    // "giờ là" also asks a value ("lãi suất ở Agribank giờ là bao nhiêu").
    const valued = new Set<number>();
    for (const at of cues) for (const p of this.valueCues) if (matchesAt(words, at, p.words, true)) p.words.forEach((_, k) => valued.add(at + k));
    const asking = [...cues].filter((at) => !valued.has(at));
    for (const at of asking) {
      let end = at;
      for (let n = 0; n < FILLERS && end > 0 && saidAs(CUE_FILLERS, words[end - 1]) && !cues.has(end - 1); n++) end--;
      const named = this.abroadEndingAt(words, end);
      if (named) return { typed: words.slice(end - named, end).map((w) => tokens[w.token]).join(' '), start: end - named, end, closest: [] };
      let start = end;
      while (start > 0 && end - start < UNKNOWN_WORDS && foreign(words[start - 1]) && (start === end || !words[start]!.breakBefore)) start--;
      const span = words.slice(start, end);
      if (span.length && compact(keyOf(span)).length >= FOREIGN_LETTERS && !words[end]?.breakBefore) {
        return { typed: span.map((w) => tokens[w.token]).join(' '), start, end, closest: [] };
      }
    }
    // "e đang ở Osaka, … thuộc p nào", "tôi ở Phnom Penh, … nộp ở phường nào": where the citizen is, abroad.
    for (let start = 1; asking.length && start < words.length; start++) {
      const named = ABROAD_BEFORE.has(words[start - 1]!.folded) ? this.abroadStartingAt(words, start) : 0;
      if (named) return { typed: words.slice(start, start + named).map((w) => tokens[w.token]).join(' '), start, end: start + named, closest: [] };
      if (!LOCATIVES.has(words[start - 1]!.folded) || isSyllable(words[start]!.folded) || !foreign(words[start])) continue;
      let end = start + 1;
      while (end - start < UNKNOWN_WORDS && !cues.has(end) && !words[end]?.breakBefore && words[end] && !NAME_STOPS.has(words[end]!.folded) && !this.nameWords.has(words[end]!.folded)) end++;
      const span = words.slice(start, end);
      if (compact(keyOf(span)).length >= ABROAD_LETTERS) return { typed: span.map((w) => tokens[w.token]).join(' '), start, end, closest: [] };
    }
    return undefined;
  }

  /** How many words from `start` name a place abroad (the longest), 0 if none. */
  private abroadStartingAt(words: readonly Word[], start: number): number {
    for (let n = Math.min(UNKNOWN_WORDS, words.length - start); n >= 1; n--) if (this.abroad.has(keyOf(words.slice(start, start + n)))) return n;
    return 0;
  }

  /** How many words before `end` name a place abroad (the longest), 0 if none. */
  private abroadEndingAt(words: readonly Word[], end: number): number {
    for (let n = Math.min(UNKNOWN_WORDS, end); n >= 1; n--) if (this.abroad.has(keyOf(words.slice(end - n, end)))) return n;
    return 0;
  }

  /** "quen đường Sài Gòn": a way, not a street, when a place's name follows it. */
  private placeFollows(typed: NonNullable<TypeMatch>, words: readonly Word[], at: number): boolean {
    if (typed.type !== 'duong') return false;
    const from = at + typed.length;
    return [1, 2, 3].some((n) => from + n <= words.length && this.gazetteer.named(keyOf(words.slice(from, from + n))).length > 0);
  }

  /**
   * Typed on by one word that is no name of its own ("phường Tiên Phong Nguyệt", "Ngọc Lưu Ly"), or
   * by two capitalised as a name's that are none together ("xã Kim Ngân Thủy Triều"; "p trúc bạch sao
   * rồi" asks how Trúc Bạch is): a longer name no unit bears. A district or commune said bare after it
   * is a name ("tt Krông Klang Đakrông"); so may be an old district the units file does not name ("xã
   * Mã Đà Vĩnh Cửu"), which is then asked back with the known name first.
   */
  private ranOnByFew(mention: Mention, words: readonly Word[]): boolean {
    const more = mention.said === undefined ? 0 : mention.said.split(' ').length - mention.typed.split(' ').length;
    if (more < 1 || more > 2) return false;
    const next = words.slice(mention.end, mention.end + more);
    if (next.length !== more || (more === 2 && !next.every((w) => w.capital))) return false;
    return this.gazetteer.named(keyOf(next)).length === 0;
  }

  /** The name typed after the type word at `at`, which no unit bears, with the closest known names; `known`: a known name it runs on past. */
  private unknownAt(words: readonly Word[], types: readonly TypeMatch[], at: number, known?: Mention): Unknown | undefined {
    const end = typedNameEnd(words, types, at);
    if (end === undefined) return undefined;
    const { type, length: typeLength } = types[at]!;
    const span = words.slice(at + typeLength, end);
    const near = this.near
      .within(keyOf(span), SUGGEST_DISTANCE, (key) => this.named(key, type).length > 0)
      .slice(0, 3)
      .flatMap((n) => this.named(n.key, type));
    if (known?.said === undefined) return { type, typed: canonOf(span), start: at, end, closest: near };
    // "Vĩnh Đồng Sương" is no name, but it starts with one typed right: that is the closest. The name is all that was typed on.
    const closest = known.typos ? near : [...known.refs, ...near.filter((r) => !known.refs.includes(r))];
    return { type, typed: known.said, start: at, end: Math.max(end, known.end), closest };
  }

  private named(key: string, type: UnitType): PlaceRef[] {
    return this.gazetteer.named(key).filter((r) => fits(r, type));
  }
}

/**
 * A slip that stands without an address to back it: the name's letters with only its
 * spaces moved ("BắcGiang", "Bì nh Phước") when one name is spelt so; a name's letters
 * with other marks ("Thại Bình"), the commonest slip; or one slip off a longish name
 * (see NearNames) when no other name is one slip off. The resolver lets only the closest
 * readings stand on it.
 */
function isPlainSlip(letters: number, named: boolean, spelt: boolean, near: readonly Near[]): boolean {
  const spaced = near.filter((n) => n.distance === 0);
  if (!named && spaced.length) return spaced.length === 1 && letters >= SPACED_LETTERS;
  if (spelt) return false;
  // Other marks on a name's letters: no other name is spelt with them.
  if (named) return letters >= SPACED_LETTERS;
  if (letters < PLAIN_SLIP_LETTERS) return false;
  const [only] = near;
  // "Dak Rông" and "Dakrông" are one name spaced two ways.
  const other = near.find((n) => compact(n.key) !== compact(only?.key ?? ''));
  return only?.distance === 1 && other?.distance !== 1 && only.wordGap === 0;
}

/**
 * The mentions that may be places. Everyday words can spell a name ("cua bac" is Cửa
 * Bắc, "hợp đồng" an old commune), so a mention that is not strong counts only when a
 * cue follows it closely ("Bến Nghé cũ"), or it is part of an address with one that
 * does, is strong or is typed, right or with a plain slip ("Bến Nghé quận 1", "phường
 * Láng, Hà Nội", "xã KimLư, Thái Nguyên"). (A message
 * that says little else keeps them all.)
 */
function corroborated(mentions: readonly Mention[], { at: cues, asksPlace, asksWhich }: { at: ReadonlySet<number>; asksPlace: boolean; asksWhich: boolean }, words: readonly Word[]): Mention[] {
  const backed = mentions.map((m) => !m.beside && (m.strong || cueFollows(m, cues, words) || (asksPlace && typedLong(m, asksWhich))));
  // An old commune said with its own district ("Ẳng Nưa (Mường Ảng)", "Ba Hàng Đồi là thị trấn của Lạc Thủy") in a
  // question about which unit it is now: the two names back each other, typed or not.
  if (asksWhich) {
    for (let i = 0; i + 1 < mentions.length; i++) {
      const [a, b] = [mentions[i]!, mentions[i + 1]!];
      if (b.start - a.end <= DISTRICT_GAP && !sentenceBetween(a, b, words) && !a.beside && !b.beside && inItsDistrict(a, b)) backed[i] = backed[i + 1] = true;
    }
  }
  // Backing spreads along an address, both ways; an address with a typed name backs itself ("phường Láng, Hà Nội").
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i + 1 < mentions.length; i++) {
      const [a, b] = [mentions[i]!, mentions[i + 1]!];
      if (b.start - a.end > ADDRESS_GAP || sentenceBetween(a, b, words)) continue;
      // A place guessed bare beside another ("xã Mỹ Sơn, Nghệ Ab") is only carried by it.
      if (b.beside) backed[i + 1] ||= backed[i]!;
      else if (backed[i] || backed[i + 1] || typedSure(a) || typedSure(b)) backed[i] = backed[i + 1] = true;
    }
  }
  return mentions.filter((_, i) => backed[i]);
}

/** Named after a district's type word ("huyện Mường Tè", "H. Krông Búk"), whatever units bear the name. */
function saidAsDistrict(m: Mention, types: readonly TypeMatch[]): boolean {
  if (m.type) return LEVEL_OF[m.type] === 'district';
  return types.some((t, i) => t !== undefined && i + t.length === m.start && LEVEL_OF[t.type] === 'district');
}

/** A sentence ends between two mentions: they are no one address. */
function sentenceBetween(a: Mention, b: Mention, words: readonly Word[]): boolean {
  return words.slice(a.end, b.start + 1).some((w) => w.sentenceBefore);
}

/**
 * Whether a names an old unit of the district b names: b is that district, or the new
 * commune named after it (the file names few old districts, but commune codes run by
 * district, so the commune that took the old unit lies a few codes from it).
 */
function inItsDistrict(a: Mention, b: Mention): boolean {
  const districts = new Set(b.refs.flatMap((r) => (r.kind === 'district' ? [r.district] : [])));
  const near = b.refs.flatMap((r) => (r.kind === 'commune' ? [r.commune] : []));
  return a.refs.some(
    (r) =>
      r.kind === 'old' &&
      ((r.old.inDistrict !== undefined && districts.has(r.old.inDistrict)) ||
        r.old.into.some(({ commune }) => near.some((c) => c.province === commune.province && Math.abs(Number(c.code) - Number(commune.code)) <= DISTRICT_CODES))),
  );
}

/** A longer slip whose closest readings are all the known name it runs past ("tỉnh Sơn La từ năm…"): the known name, said right. */
function restates(slip: Mention, known: Mention): boolean {
  if (!slip.typos || known.typos) return false;
  const closest = Math.min(...slip.typos.values());
  return [...slip.typos].every(([ref, distance]) => distance > closest || known.refs.includes(ref));
}

/**
 * A name typed with its type and long enough not to be an everyday word: a place when
 * the message asks about one, read as typed or as a plain slip ("phường HưngChiến"); a
 * guess only when it asks which unit the place is now ("cư trú" holds no "cũ" for "xa
 * cong ty") and the guess does not start with a word that ends names ("xã cũng đổi tên")
 * unless the names guessed start with it too.
 */
function typedLong(mention: Mention, asksWhich: boolean): boolean {
  const first = foldCanonical(mention.typed.split(' ')[0]!);
  // "xã Minh Chí" guesses Minh Trí, a name that starts so; "xã cũng đổi tên" guesses no name that starts with "cũng".
  const guess = asksWhich && (!NAME_STOPS.has(first) || mention.refs.some((r) => keyOf(placeWords(writtenAs(r).name)).startsWith(`${first} `)));
  const sure = !mention.typos || mention.plainSlip === true || guess;
  const letters = compact(mention.typed).length;
  // A known name typed right or plainly slipped, asked which unit it is now ("Em ở xã Lìa, giờ … xã nào"), is a place however short.
  return mention.type !== undefined && sure && (letters >= LONG_NAME_LETTERS || (asksWhich && typedSure(mention) && !mention.said && letters >= SHORT_TYPED_LETTERS));
}

/** Named with its type, right or with a plain slip ("xã KimLư"). */
function typedSure(mention: Mention): boolean {
  return mention.type !== undefined && (!mention.typos || mention.plainSlip === true);
}

/** A cue follows the mention (or unknown name), with at most two filler words between ("bây giờ", "h là") and no punctuation. */
function cueFollows(mention: { end: number }, cues: ReadonlySet<number>, words: readonly Word[]): boolean {
  let at = mention.end;
  for (let n = 0; n < FILLERS && words[at] && !cues.has(at) && saidAs(CUE_FILLERS, words[at]) && !words[at]!.breakBefore; n++) at++;
  return cues.has(at) && !words[at]!.breakBefore;
}

/** A place can be what a type word names: same level ("xã" for an old "thị trấn" too), a city either level. */
export function fits(ref: PlaceRef, type: UnitType): boolean {
  const level: Level = LEVEL_OF[type] === 'village' ? 'commune' : LEVEL_OF[type];
  const refLevel = levelOf(ref);
  if (type === 'thanh pho') return refLevel === 'district' || refLevel === 'province';
  return refLevel === level;
}

/** How many words from `from` could be a name: up to a word that ends one. */
function nameRun(words: readonly Word[], types: readonly TypeMatch[], from: number, provinceAt: (i: number) => boolean = () => false): number {
  let n = 0;
  while (from + n < words.length && !stopsName(words[from + n]!) && !types[from + n] && !questionTag(words, from + n) && !(n > 0 && (words[from + n]!.breakBefore || provinceAt(from + n)))) n++;
  return n;
}

/** "… là đặc khu đúng không": "đúng" before a no asks to confirm; it names nothing. */
function questionTag(words: readonly Word[], at: number): boolean {
  return words[at]?.folded === 'dung' && NEGATIONS.has(words[at + 1]?.folded ?? '');
}

/**
 * The type written at each word. In a message typed with diacritics, a type word typed
 * without them is another word ("đi làm ăn xa" is far, not a xã); shorthand ("x.", "p3")
 * has no diacritics to type.
 */
function typesOf(words: readonly Word[], tokens: readonly string[]): TypeMatch[] {
  // As typed: a word read from Telex keys ("phuwowngf") gained its marks here. A stray mark in a
  // message typed bare ("phuong dõng nhan") does not make it accented.
  const marked = tokens.filter((t) => foldCanonical(t) !== t).length;
  const accented = marked * ACCENTED_SHARE > tokens.length;
  return words.map((w, i) => {
    const found = typeAt(words, i);
    // "khu dân cư" typed right starts with a word that has no marks: the type as typed is weighed whole.
    const bare = !!found && words.slice(i, i + found.length).every((x) => x.canon === x.folded);
    return found && accented && bare && typeHasMarks(found.type) && !isShorthand(tokens[w.token] ?? '') ? undefined : found;
  });
}

/** A cue of folded words (see LOOSE_CUES). */
function loosePhrase(folded: string): Phrase {
  return { words: folded.split(' ').map((w, token) => ({ canon: w, folded: w, token, breakBefore: false, sentenceBefore: false, plain: w })), loose: true };
}

/** The word is one of `set`, as read or as the shorthand it was typed as ("h" is a district and, in teencode, "giờ"). */
function saidAs(set: ReadonlySet<string>, word: Word | undefined): boolean {
  return word !== undefined && (set.has(word.folded) || set.has(word.shorthand ?? ''));
}

function matchesAt(words: readonly Word[], at: number, phrase: readonly Word[], loose = false): boolean {
  // A phrase of several words may have one long word typed with a wrong mark ("sáp nhâp"); "này là" is no "nay là".
  let slips = phrase.length > 1 ? 1 : 0;
  return phrase.every((p, k) => {
    const w = words[at + k];
    if (loose) return w !== undefined && (w.folded === p.folded || w.shorthand === p.folded || SPOKEN.get(w.shorthand ?? '') === p.folded);
    // Typed without diacritics, a word matches by its letters; typed with them, exactly.
    if (w === undefined || w.folded !== p.folded) return false;
    return w.canon === w.folded || w.canon === p.canon || (w.folded.length >= SLIP_LETTERS && slips-- > 0);
  });
}

/** Each word typed with diacritics is spelt as in the name ("phuong Bến Nghe" is Bến Nghé; "quê làm" is not Quế Lâm). */
function spelledAs(words: readonly Word[], name: string): boolean {
  const spelt = placeWords(name);
  return words.every((w, i) => w.canon === w.folded || w.canon === spelt[i]?.canon);
}

/** The marks a word carries (tone, vowel marks, "đ"), in an order two words compare by. */
function marksOf(canon: string): string {
  return [...canon.normalize('NFD')].filter((ch) => ch === 'đ' || (ch >= '\u0300' && ch <= '\u036f')).sort().join('');
}

/** Word by word, the span carries the marks the name does ("Thàn", "Thành"); a name of another length cannot tell. */
function marksAgree(span: readonly Word[], name: string): boolean {
  const spelt = placeWords(name);
  return spelt.length !== span.length || span.every((w, i) => marksOf(w.canon) === marksOf(spelt[i]!.canon));
}

/** Most words carry marks: a word typed without them is typed so on purpose. */
function typedWithMarks(words: readonly Word[]): boolean {
  return words.filter((w) => w.canon !== w.folded).length * ACCENTED_SHARE > words.length;
}

/** How many words from `from` may be one name: up to punctuation or a type of two words ("… thành phố Tây Ninh"). */
function nameSpan(words: readonly Word[], types: readonly TypeMatch[], from: number): number {
  if (questionTag(words, from)) return 0;
  let n = Math.min(1, words.length - from);
  while (from + n < words.length && !words[from + n]!.breakBefore && types[from + n]?.length !== 2) n++;
  return n;
}

/** The word positions a mention covers. */
function positionsOf(mention: { start: number; end: number }): number[] {
  return Array.from({ length: mention.end - mention.start }, (_, k) => mention.start + k);
}

function canonOf(words: readonly Word[]): string {
  return words.map((w) => w.canon).join(' ');
}

/** The message without the places it only says the citizen lives in or goes to. */
export function withoutWhereabouts(reading: Reading): string {
  const dropped = new Set(reading.whereabouts.flatMap((m) => reading.words.slice(m.start, m.end).map((w) => w.token)));
  return reading.tokens.filter((_, i) => !dropped.has(i)).join(' ');
}

/** The message without its place names, their unknown name and the words that only ask about a place. */
export function remainder(reading: Reading): string {
  const dropped = new Set<number>();
  const drop = (start: number, end: number) => {
    for (let i = start; i < end; i++) dropped.add(reading.words[i]!.token);
  };
  // A guess beside a place may be other words ("Bình Dương. Cấp lại thẻ"): left in.
  for (const m of reading.mentions) if (!m.beside) drop(m.start, m.end);
  if (reading.unknown) drop(reading.unknown.start, reading.unknown.end);
  for (const i of reading.cueWords) dropped.add(reading.words[i]!.token);
  return reading.tokens.filter((_, i) => !dropped.has(i)).join(' ');
}

/** Where the name typed after the type word at `at` ends (at most UNKNOWN_WORDS words); undefined when none follows. */
function typedNameEnd(words: readonly Word[], types: readonly TypeMatch[], at: number): number | undefined {
  const from = at + types[at]!.length;
  const length = Math.min(UNKNOWN_WORDS, nameRun(words, types, from));
  return length === 0 || words[from]!.breakBefore ? undefined : from + length;
}

/**
 * Typed on past a known name that is of another type ("thị trấn Vĩnh Đồng Sương": Vĩnh Đồng was a
 * xã): two doubts at once, so the longer name, which no unit bears, is what was meant.
 */
function ranOnUntyped(mention: Mention): boolean {
  return mention.said !== undefined && mention.type !== undefined && !mention.refs.some((r) => writtenAs(r).type === mention.type);
}

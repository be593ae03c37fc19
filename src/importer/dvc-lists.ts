// Re-finds the rows of the portal's tables (documents, legal basis, results) and the steps,
// which the crawler flattened into run-on strings, from the portal's fixed cell vocabulary.
// Every function takes text already cleaned by dvc-clean.ts.
import { PLACEHOLDER, capList } from './dvc-clean.ts';

const BULLET = /^(?:[-+*•·–]|\.\s)\s*/;

function stripBullet(line: string): string {
  return line.replace(BULLET, '').trim();
}

// --- documents (thanh_phan_ho_so) ------------------------------------------------

const DOCUMENT_HEADER = /-*\s*Tên giấy tờ\s*Mẫu đơn, tờ khai\s*Số lượng/g;
// The "Số lượng" cell, e.g. "1 bản chính" or "0 bản chính,1 bản sao", glued to the next row.
// Inside a name the same words are followed by a space or ")" ("01 bản sao có chứng thực").
// A name often ends in a number ("…ngày 25/6/2024"), so after a digit the count is one digit.
const COUNT = String.raw`(?:(?<!\d)\d{2}|\d) bản (?:chính|sao|chụp)`;
const COUNT_CELL = new RegExp(String.raw`(${COUNT}(?:\s?,\s?${COUNT})*)(?![ ,)])`, 'gu');
// The "Mẫu đơn" cell: a form's file name ("Mus08.docx") glued to the end of the name.
const FORM_FILE_EXT = /\.(?:docx?|pdf|xlsx?)$/i;
const FORM_FILE_MAX = 80;

/** Splits the flattened "Tên giấy tờ | Mẫu đơn | Số lượng" table into one line per document. */
export function splitDocuments(text: string, maxLines = 30, maxChars = 400): string[] {
  const flat = text.replace(DOCUMENT_HEADER, '\n');
  const lines: string[] = [];
  let start = 0;
  const pushRow = (chunk: string, count: string) => {
    const rowLines = chunk.split('\n').map(stripBullet).filter((line) => line !== '' && line !== '--');
    const last = rowLines.pop();
    lines.push(...rowLines);
    if (last !== undefined) lines.push(withCount(withoutFormFile(last), count));
  };
  for (const match of flat.matchAll(COUNT_CELL)) {
    pushRow(flat.slice(start, match.index), match[1] ?? '');
    start = match.index + match[0].length;
  }
  pushRow(flat.slice(start), '');
  return capList(lines, maxLines, maxChars);
}

/**
 * Drops a trailing form file name. It starts where two words are glued together, after
 * punctuation ("…Chính phủ;Mus08.docx") or lower- to upper-case ("…thuộc BộMau02.doc");
 * without such a seam the name is kept whole rather than guessed at.
 */
function withoutFormFile(name: string): string {
  const ext = FORM_FILE_EXT.exec(name);
  if (!ext) return name;
  for (let i = ext.index - 1; i > Math.max(0, ext.index - FORM_FILE_MAX); i--) {
    const pair = name.slice(i - 1, i + 1);
    if (/^[.;:)][^\s.;:()]$/.test(pair) || /^\p{Ll}\p{Lu}$/u.test(pair)) return name.slice(0, i).replace(/[\s;:,]+$/, '');
  }
  return name;
}

// "0 bản chính" is the portal's way of saying "no original needed": keep only non-zero counts.
function withCount(name: string, count: string): string {
  const parts = count.split(',').map((part) => part.trim()).filter((part) => Number.parseInt(part, 10) > 0);
  return parts.length > 0 ? `${name} (${parts.join(', ')})` : name;
}

// --- steps (trinh_tu_thuc_hien) --------------------------------------------------

// "Bước 2" followed by a comma is a reference ("quy định tại Bước 2, …"), not a new step.
const STEP_MARK = /(?=Bước\s*\d{1,2}(?!\d|\s*,))/;
// A list marker on a line of its own ("a)", "6.1.2.", "-"), left over around step marks.
const MARKER = String.raw`(?:[-+*•]|\(?(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})[.)]?)`;
const MARKER_ONLY = new RegExp(String.raw`^${MARKER}?$`, 'u');
const MARKER_LINE = new RegExp(String.raw`^(${MARKER})\n`, 'gmu');

/** One line per "Bước N" when the portal numbers its steps, else one per paragraph. */
export function splitSteps(text: string, maxLines = 20, maxChars = 500): string[] {
  const parts = STEP_MARK.test(text) ? text.split(STEP_MARK) : text.replace(MARKER_LINE, '$1 ').split('\n');
  const lines = parts
    .map((part) =>
      part
        .split('\n')
        .map(stripBullet)
        .filter((line) => !MARKER_ONLY.test(line))
        .reduce(joinLines, ''),
    )
    .filter((line) => line !== '');
  return capList(lines, maxLines, maxChars);
}

// A heading line ("Bước 1: Thụ lý hồ sơ") runs into the next sentence once joined; a full
// stop keeps them apart. A lower-case next line is a hard wrap inside a sentence.
function joinLines(joined: string, line: string): string {
  if (joined === '') return line;
  return /[.:;,!?…]$/.test(joined) || !/^\p{Lu}/u.test(line) ? `${joined} ${line}` : `${joined}. ${line}`;
}

// --- legal basis (can_cu_phap_ly) ------------------------------------------------

export const LEGAL_HEADER = 'Tên văn bản pháp lýMã văn bản';
// Issuing-body suffixes of Vietnamese legal document numbers (60/2014/QH13, 126/2020/NĐ-CP…),
// longest first. Listing them lets us find the end of a number glued to the next row's name
// ("…/TT-BTCThông tư…", "…/NĐ-CPquy định…"), which no generic pattern can tell apart.
const ISSUERS = [
  'BLĐTBXH', 'BNNPTNT', 'VKSNDTC', 'BVHTTDL', 'UBTVQH\\d{2}', 'TANDTC', 'BGTVT', 'BNNMT', 'BTNMT', 'BKHĐT',
  'BKHCN', 'BTTTT', 'NHNN', 'HĐND', 'UBND', 'VPCP', 'BHXH', 'BTC', 'BCA', 'BTP', 'BXD', 'BNG', 'BNV', 'BYT',
  'BCT', 'BQP', 'CTN', 'TTg', 'QH\\d{2}', 'CP',
];
const FALLBACK_ISSUER = String.raw`[A-ZĐ]{2,}(?!\p{Ll})`;
// A number starts after a non-digit, or glued to a year ("Luật Khiếu nại năm 2011" +
// "02/2011/QH13") or to the previous row's "…/QH14".
const DOC_NUMBER = new RegExp(
  String.raw`(?:(?<=(?:19|20)\d\d|[A-ZĐ]{2}\d\d)|(?<![\d/]))\d{1,4}(?:/\d{4})?/(?:[A-ZĐ]+[-_/] ?)*(?:${ISSUERS.join('|')}|${FALLBACK_ISSUER})`,
  'gu',
);
// What may follow a number quoted inside a name, as opposed to the start of the next row
// ("…/TT-BCA ngày 01/7/2025" is sometimes written without the space).
const INSIDE_NAME = /^(?:[\s.,;:)\]]|ngày)/;

/**
 * Splits the flattened "Tên văn bản | Mã văn bản" table into one line per document. A row
 * ends with its number cell glued to the next row (no space), which is how it differs from
 * a number quoted inside a name.
 */
export function splitLegalBasis(text: string, maxLines = 30, maxChars = 400): string[] {
  if (!text.startsWith(LEGAL_HEADER)) return [];
  const flat = text.slice(LEGAL_HEADER.length);
  const rows: Array<{ name: string; number: string }> = [];
  let start = 0;
  for (const match of flat.matchAll(DOC_NUMBER)) {
    const end = match.index + match[0].length;
    if (INSIDE_NAME.test(flat.slice(end, end + 4))) continue;
    const row = { name: flat.slice(start, match.index).trim(), number: match[0] };
    start = end;
    const previous = rows.at(-1);
    // "Nghị định 05/2012/NĐ-CP" + "05/2012/NĐ-CP": the name ended with its own number.
    if (row.name === '' && previous?.number === row.number && !previous.name.includes(row.number)) {
      previous.name = `${previous.name} ${row.number}`;
    } else if (row.name !== '' || previous?.number !== row.number) {
      rows.push(row);
    }
  }
  const lines = rows.map(({ name, number }) => (name.includes(number) ? name : name === '' ? number : `${name} (${number})`));
  lines.push(flat.slice(start).trim());
  return capList(lines.map(stripBullet).filter((line) => line !== ''), maxLines, maxChars);
}

// --- result (ket_qua_xu_ly) ------------------------------------------------------

// Each result is "<name>Mã: <result code>"; the code (KQ.G01.000014, or junk such as "sgga")
// is glued to the next name, and the last one to the "Từ khóa…Mô tả…" cells and page chrome.
const RESULT_CODE = /Mã:\s*(?:[A-Za-z0-9_.\-]*\d|[a-z_]+)?/g;

/** The result documents' names, joined with "; ". */
export function extractResult(text: string): string {
  const names: string[] = [];
  let start = 0;
  for (const match of text.matchAll(RESULT_CODE)) {
    names.push(text.slice(start, match.index));
    start = match.index + match[0].length;
  }
  if (names.length === 0) names.push(text.split('Từ khóa')[0] ?? '');
  return names
    .map((name) => name.trim())
    .filter((name) => name !== '' && name !== PLACEHOLDER)
    .join('; ');
}

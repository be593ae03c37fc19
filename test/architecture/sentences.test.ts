// Every Vietnamese sentence people read lives in a catalogue of src/texts/ (citizens,
// staff, editors), so wording is reviewed in one place and records keep codes. This
// scans the code and the browser assets for string literals holding Vietnamese words
// and fails on any outside the catalogues, except in files whose Vietnamese literals
// are what the code matches against, listed below with the reason.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CATALOGUES = 'src/texts/';

/** Files whose Vietnamese literals are patterns or word lists the code matches, not sentences people read. */
const MATCHED_WORDS: Record<string, string> = {
  'src/places/mentions.ts': "patterns that find place names in citizens' messages",
  'src/places/names.ts': 'unit type words and name patterns of the places data',
  'src/places/before.ts': "patterns that read the merger data's notes on former units",
  'src/places/display.ts': "the portal's capitalisation of unit types, rewritten",
  'src/places/spoken-numbers.ts': 'number words said after a ward or district type, read as digits',
  'src/importer/dvc-channels.ts': "the portal's field names, channels and units, matched in its records",
  'src/importer/dvc-lists.ts': "the portal's headings and legal document markers, matched in its records",
  'src/importer/dvc-clean.ts': "the portal's placeholder for an empty field",
  'src/importer/dvc-record.ts': "the portal's channel names, matched in its records",
  'src/search/query.ts': 'a search expansion of ages ("5t" is 5 tuổi)',
  'src/search/twins.ts': "the portal's level names and title boilerplate, matched in its records and in messages",
};

const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/iu;
const WORD = /[\p{L}\p{M}]{2,}/gu;

/** Words people read: a word of two letters or more with a Vietnamese letter in it. */
function isSentence(text: string): boolean {
  return (text.match(WORD) ?? []).some((word) => VIETNAMESE.test(word));
}

export interface Found {
  line: number;
  text: string;
}

/** Characters after which a slash starts a regular expression rather than a division. */
const BEFORE_REGEX = /[(,=:[!&|?{};+\-*%<>~^]|^$|\breturn$|\btypeof$/;

/**
 * The string and template literals of JavaScript or TypeScript source that hold
 * Vietnamese words, with their line. Comments and regular expression literals are
 * skipped: a regex is a pattern the code matches.
 */
export function literalsIn(source: string): Found[] {
  const found: Found[] = [];
  let i = 0;
  let line = 1;
  const advance = () => {
    if (source[i] === '\n') line++;
    i++;
  };
  /** Reads a quoted string from its opening quote; returns its text. */
  const quoted = (quote: string): string => {
    let text = '';
    advance();
    while (i < source.length && source[i] !== quote && source[i] !== '\n') {
      // An escape is kept as written ("\n"), and its character never ends the string.
      if (source[i] === '\\') {
        text += '\\';
        advance();
      }
      text += source[i] ?? '';
      advance();
    }
    advance();
    return text;
  };
  /** Reads a template literal from its backtick, and the code inside its ${…}; returns the text parts. */
  const template = (): string => {
    let text = '';
    advance();
    while (i < source.length && source[i] !== '`') {
      if (source[i] === '\\') {
        text += `\\${source[i + 1] ?? ''}`;
        advance();
        advance();
      } else if (source[i] === '$' && source[i + 1] === '{') {
        advance();
        advance();
        code('}');
        advance();
        text += '${…}';
      } else {
        text += source[i];
        advance();
      }
    }
    advance();
    return text;
  };
  const regex = () => {
    advance();
    let inClass = false;
    while (i < source.length && source[i] !== '\n' && (inClass || source[i] !== '/')) {
      if (source[i] === '\\') advance();
      else if (source[i] === '[') inClass = true;
      else if (source[i] === ']') inClass = false;
      advance();
    }
    advance();
  };
  /** Reads code until `end` at depth 0 (or the end of the source). */
  const code = (end?: string) => {
    let depth = 0;
    let last = '';
    while (i < source.length) {
      const c = source[i]!;
      if (end && c === end && depth === 0) return;
      if (c === '/' && source[i + 1] === '/') {
        while (i < source.length && source[i] !== '\n') advance();
      } else if (c === '/' && source[i + 1] === '*') {
        const close = source.indexOf('*/', i + 2);
        const stop = close < 0 ? source.length : close + 2;
        while (i < stop) advance();
      } else if (c === '/' && BEFORE_REGEX.test(last)) {
        regex();
        last = 'regex';
      } else if (c === "'" || c === '"' || c === '`') {
        const start = line;
        const text = c === '`' ? template() : quoted(c);
        if (isSentence(text)) found.push({ line: start, text });
        last = 'string';
      } else {
        if (c === '{') depth++;
        if (c === '}') depth--;
        if (!/\s/.test(c)) last = /[\w$]/.test(c) ? (/[\w$]/.test(last.slice(-1)) ? last + c : c) : c;
        advance();
      }
    }
  };
  code();
  return found;
}

/** The text of an HTML page that holds Vietnamese words, outside comments, by line. */
export function htmlTextIn(source: string): Found[] {
  const blanked = source.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
  return blanked.split('\n').flatMap((text, n) => (isSentence(text) ? [{ line: n + 1, text: text.trim() }] : []));
}

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const path = `${dir}/${d.name}`;
    if (d.isDirectory()) return files(path);
    return /\.(ts|js|html)$/.test(d.name) ? [path] : [];
  });
}

function sentencesOutsideCatalogues(): string[] {
  return [...files('src'), ...files('adapters')]
    .filter((file) => !file.startsWith(CATALOGUES) && !(file in MATCHED_WORDS))
    .flatMap((file) => {
      const source = readFileSync(join(ROOT, file), 'utf8');
      const found = file.endsWith('.html') ? htmlTextIn(source) : literalsIn(source);
      return found.map(({ line, text }) => `${file}:${line}: ${text.length > 100 ? `${text.slice(0, 100)}…` : text}`);
    });
}

describe('sentences people read', () => {
  it('live in the catalogues of src/texts/', () => {
    expect(sentencesOutsideCatalogues()).toEqual([]);
  });

  it('lists only files that exist and still hold Vietnamese literals', () => {
    const stale = Object.keys(MATCHED_WORDS).filter((file) => literalsIn(readFileSync(join(ROOT, file), 'utf8')).length === 0);
    expect(stale).toEqual([]);
  });

  it('finds a sentence in a string or a template, and not in a comment or a regex', () => {
    const snippet = [
      "// Xin chào anh/chị, đây là chú thích.",
      '/* Một chú thích',
      '   nhiều dòng. */',
      "const ok = 'ok';",
      "const said = 'Anh/chị vui lòng thử lại.';",
      'const code = /Mã phản ánh: (PA-\\w+)/;',
      'const shown = `Phản ánh ${code} đã được tiếp nhận`;',
      "const letter = 'đ';",
    ].join('\n');
    expect(literalsIn(snippet)).toEqual([
      { line: 5, text: 'Anh/chị vui lòng thử lại.' },
      { line: 7, text: 'Phản ánh ${…} đã được tiếp nhận' },
    ]);
    expect(literalsIn('// Chỉ có chú thích: anh/chị vui lòng thử lại.\nconst x = 1;')).toEqual([]);
    expect(htmlTextIn('<!-- Chú thích tiếng Việt -->\n<p>Đang trả lời…</p>')).toEqual([{ line: 2, text: '<p>Đang trả lời…</p>' }]);
  });
});

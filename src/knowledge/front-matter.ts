// Splits a knowledge file into its YAML front matter and Markdown body, and maps a
// field path back to the line it sits on so that messages can point staff to it.
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { KNOWLEDGE_TEXTS as K } from '../texts/editors.ts';

export interface ParsedFile {
  data: unknown;
  body: string;
  /** 1-based line in the whole file of the node at `path`, or of its nearest existing parent. */
  lineOf(path: readonly PropertyKey[]): number;
}

export type SplitResult = { ok: true; file: ParsedFile } | { ok: false; line: number; message: string };

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /\r?\n---[ \t]*(\r?\n|$)/;

/** The front matter's YAML text and the Markdown body after it; a message when the file has no closed front matter. */
export function splitFrontMatter(text: string): { ok: true; yamlText: string; body: string; rawBody: string } | { ok: false; line: number; message: string } {
  const open = OPEN.exec(text);
  if (!open) return { ok: false, line: 1, message: K.noFrontMatter };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return { ok: false, line: 1, message: K.unclosedFrontMatter };
  const rawBody = rest.slice(close.index + close[0].length);
  return { ok: true, yamlText: rest.slice(0, close.index), body: rawBody.trim(), rawBody };
}

export function parseFrontMatter(text: string): SplitResult {
  const parts = splitFrontMatter(text);
  if (!parts.ok) return parts;
  const { yamlText, body } = parts;
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = counter.linePos(firstError.pos[0]).line + 1;
    return { ok: false, line, message: K.yaml(yamlMessage(firstError.message)) };
  }
  return {
    ok: true,
    file: { data: doc.toJS(), body, lineOf: (path) => lineOfPath(doc, counter, path) + 1 },
  };
}

function lineOfPath(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let line = 0; // the opening --- when nothing better is known
  for (const key of path) {
    if (!isMap(node) && !isSeq(node)) break;
    const range = (node as { range?: [number, number, number] }).range;
    if (range) line = counter.linePos(range[0]).line;
    const child = node.get(key as never, true) as unknown;
    if (child === undefined) {
      const pair = isMap(node) ? node.items.find((p) => String((p.key as { value?: unknown })?.value) === String(key)) : undefined;
      const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
      if (keyRange) line = counter.linePos(keyRange[0]).line;
      return line;
    }
    node = child;
  }
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? counter.linePos(range[0]).line : line;
}

/** The parser's first message line, without its own line count (which is relative to the front matter). */
export function yamlMessage(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

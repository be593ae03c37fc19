// Writes a knowledge file (knowledge/README.md): YAML front matter, then the free-text body.
// Staff edit these files by hand, so the output keeps the documented field order, leaves
// out empty fields and wraps long text instead of producing one endless line.
import { Document, Scalar, isCollection, isPair, isScalar, visit } from 'yaml';

// Field order of knowledge/README.md; nested keys (submit.*, sources[].url) follow.
const KEY_ORDER = [
  'id', 'kind', 'code', 'title', 'aliases', 'questions', 'sector', 'level', 'agency', 'summary',
  'submit', 'documents', 'steps', 'processing_time', 'fee', 'conditions', 'result', 'legal_basis',
  'portal_url', 'show_contacts', 'staff_notes', 'sources', 'updated', 'review_by', 'origin',
  'in_person', 'online', 'postal', 'url',
];
const LINE_WIDTH = 100;

export function renderEntryFile(fields: Record<string, unknown>, body: string): string {
  const doc = new Document(prune(fields) ?? {});
  visit(doc, {
    // Strings YAML would read as something else (code: "1.001193") are quoted by the library.
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string') return;
      const parent = path.at(-1);
      const fieldName = isPair(parent) && isScalar(parent.key) ? String(parent.key.value) : '';
      if (node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
      else if (node.value.includes(' ')) {
        // Text too long for its line becomes a folded block (">-"), wrapped at LINE_WIDTH.
        const indent = 2 * (path.filter(isCollection).length - 1);
        const prefix = fieldName ? `${fieldName}: `.length : '- '.length;
        if (indent + prefix + node.value.length > LINE_WIDTH) node.type = Scalar.BLOCK_FOLDED;
      }
    },
  });
  const frontMatter = doc.toString({ lineWidth: LINE_WIDTH });
  const text = body.trim();
  return `---\n${frontMatter}---\n${text === '' ? '' : `${text}\n`}`;
}

/** Drops empty strings, lists and maps (recursively) and puts keys in KEY_ORDER. */
function prune(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => [key, prune(item)] as const)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => rank(a) - rank(b));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function rank(key: string): number {
  const index = KEY_ORDER.indexOf(key);
  return index === -1 ? KEY_ORDER.length : index;
}

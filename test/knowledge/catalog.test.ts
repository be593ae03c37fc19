// The starter knowledge must cover every entry of the catalog (test/eval/catalog.tsv), with the
// catalog's id, kind and official code.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';

const CATALOG = resolve(import.meta.dirname, '../eval/catalog.tsv');

describe('catalog coverage', () => {
  it('has one valid entry per catalog line, with its kind and code', async () => {
    const rows = readFileSync(CATALOG, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'))
      .map(([id, kind, code]) => ({ id, kind, code }));
    expect(rows).toHaveLength(88);
    const kb = await loadKnowledgeBase(['knowledge']);
    const byId = new Map(kb.entries.map((e) => [e.id, e]));
    for (const row of rows) {
      expect(byId.get(row.id!), row.id).toMatchObject({ kind: row.kind, code: row.code });
    }
  });

  it('never names a district body as the one handling a procedure now', async () => {
    const kb = await loadKnowledgeBase(['knowledge']);
    for (const e of kb.entries) {
      expect(`${e.level} ${e.agency} ${e.submit.in_person}`, e.id).not.toMatch(/cấp huyện|UBND huyện|Ủy ban nhân dân huyện/i);
    }
  });
});

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseFrontMatter } from '../../src/knowledge/front-matter.ts';
import { renderEntryFile } from '../../src/knowledge/render.ts';
import { procedureSchema } from '../../src/knowledge/schema.ts';

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

function frontMatterOf(file: string): unknown {
  return parse(FRONT_MATTER.exec(file)?.[1] ?? '');
}

describe('renderEntryFile', () => {
  it('writes the fields in the documented order, nested keys included, whatever order they come in', () => {
    const file = renderEntryFile(
      {
        origin: 'imported',
        sources: [{ url: 'https://dichvucong.gov.vn/x', title: 'Cổng' }],
        submit: { postal: 'Bưu chính', in_person: 'Một cửa' },
        title: 'Thủ tục',
        kind: 'procedure',
        id: 'thu-tuc',
      },
      '',
    );
    expect(file).toBe(
      [
        '---',
        'id: thu-tuc',
        'kind: procedure',
        'title: Thủ tục',
        'submit:',
        '  in_person: Một cửa',
        '  postal: Bưu chính',
        'sources:',
        '  - title: Cổng',
        '    url: https://dichvucong.gov.vn/x',
        'origin: imported',
        '---',
        '',
      ].join('\n'),
    );
  });

  it('leaves out empty strings, empty lists, empty maps and missing values', () => {
    const file = renderEntryFile(
      { id: 'a', level: '', aliases: [], questions: [''], submit: { online: '' }, portal_url: undefined, summary: null },
      '',
    );
    expect(file).toBe('---\nid: a\n---\n');
  });

  it('keeps codes and numeric-looking ids strings', () => {
    const file = renderEntryFile({ id: '1.001193', code: '1.001193', updated: '2026-11-22' }, '');
    expect(file).toContain('id: "1.001193"\ncode: "1.001193"\nupdated: 2026-11-22\n');
    expect(frontMatterOf(file)).toEqual({ id: '1.001193', code: '1.001193', updated: '2026-11-22' });
  });

  it('folds long text at 100 columns and keeps line breaks of multi-line text', () => {
    const long = 'Người khiếu nại phải làm đơn khiếu nại và gửi đến đúng cơ quan có thẩm quyền giải quyết trong thời hạn.';
    const lines = 'Đảm bảo các điều kiện sau:\n+ Có đơn.\n+ Đúng thời hạn.';
    const file = renderEntryFile({ id: 'a', fee: long, conditions: lines, documents: [long, 'Ngắn'] }, '');
    expect(file).toContain('fee: >-\n  Người khiếu nại');
    expect(file).toContain('conditions: |-\n  Đảm bảo các điều kiện sau:\n  + Có đơn.\n  + Đúng thời hạn.\n');
    expect(file).toContain('  - Ngắn\n');
    expect(file.split('\n').every((line) => line.length <= 100)).toBe(true);
    expect(frontMatterOf(file)).toEqual({ id: 'a', documents: [long, 'Ngắn'], fee: long, conditions: lines });
  });

  it('appends the body after the front matter', () => {
    expect(renderEntryFile({ id: 'a' }, '\nLưu ý: mang theo bản chính.\n\n')).toBe('---\nid: a\n---\nLưu ý: mang theo bản chính.\n');
  });

  it('round-trips a curated knowledge file through the loader and the schema', async () => {
    const original = await readFile(new URL('../../knowledge/procedures/dang-ky-khai-sinh.md', import.meta.url), 'utf8');
    const before = parseFrontMatter(original);
    if (!before.ok) throw new Error(before.message);
    const rendered = renderEntryFile(before.file.data as Record<string, unknown>, before.file.body);
    const after = parseFrontMatter(rendered);
    if (!after.ok) throw new Error(after.message);
    expect(procedureSchema.parse(after.file.data)).toEqual(procedureSchema.parse(before.file.data));
    expect(after.file.body).toBe(before.file.body);
  });
});

// `motcua ask --json` and `motcua eval` on place questions, as staff and CI run them.
import { describe, expect, it } from 'vitest';
import { motcua } from '../cli/run-motcua.ts';

const FIXTURE = new URL('./fixtures/places.jsonl', import.meta.url).pathname;
// The shipped knowledge without the national set: place questions do not need it, and it loads faster.
const CURATED = ['--curated-only'];

describe('motcua ask --json on a place question', () => {
  it('gives outcome place with the new commune’s official code first', async () => {
    const { code, stdout } = await motcua(['ask', '--json', ...CURATED, 'Tôi ở phường Bến Nghé cũ, giờ nộp hồ sơ ở đâu?']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ outcome: 'place', results: [{ code: '26740', title: 'Phường Sài Gòn, Thành phố Hồ Chí Minh' }] });
  });

  it('gives the province’s code when only a province is named, clarify with every candidate for a shared name, fallback for an unknown one', async () => {
    const input = ['tỉnh Bình Dương cũ sáp nhập vào đâu', 'phường 3 cũ TP HCM giờ là phường gì', 'phường Hoa Mai Xanh cũ giờ ở đâu'].join('\n');
    const { stdout } = await motcua(['ask', '--json', ...CURATED, '-'], { input });
    const [province, shared, unknown] = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(province).toMatchObject({ outcome: 'place', results: [{ code: '79' }] });
    expect(shared.outcome).toBe('clarify');
    expect(shared.results.map((r: { code: string }) => r.code)).toEqual(['27154', '27232', '26890', '26977', '27286', '26506']);
    expect(unknown).toEqual({ q: 'phường Hoa Mai Xanh cũ giờ ở đâu', outcome: 'fallback', results: [] });
  });
});

describe('motcua eval on a place file', () => {
  it('scores each kind by its own rule, per kind and style, with the misses', async () => {
    const { code, stdout } = await motcua(['eval', FIXTURE, ...CURATED, '--split', 'dev', '--json']);
    expect(code).toBe(0);
    const scores = JSON.parse(stdout);
    expect(scores).toMatchObject({
      total: 5,
      top1: 0.8,
      by_kind: { place: { total: 3, top1: 0.6667 }, ambiguous: { total: 1, top1: 1 }, unknown: { total: 1, top1: 1 } },
      by_style: { accented: { total: 4, top1: 0.75 }, unaccented: { total: 1, top1: 1 } },
    });
    expect(scores.latency_ms.p99).toBeGreaterThan(0);
    expect(scores.misses).toEqual([expect.objectContaining({ line: 3, kind: 'place', outcome: 'clarify' })]);
  });

  it('prints the report for people', async () => {
    const { stdout } = await motcua(['eval', FIXTURE, ...CURATED, '--split', 'dev']);
    expect(stdout).toContain('5 câu hỏi về địa danh');
    expect(stdout).toMatch(/place\s+3\s+0\.667/);
    expect(stdout).toContain('độ trễ p50 / p99 ms');
  });
});

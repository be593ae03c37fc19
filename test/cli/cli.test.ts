// The `motcua` command as staff, CI and other tools use it: real processes, real files.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { motcua } from './run-motcua.ts';

describe('motcua ask', () => {
  it('prints the reply a citizen would see', async () => {
    const { code, stdout } = await motcua(['ask', 'xin giay xac nhan doc than can giay to gi']);
    expect(code).toBe(0);
    expect(stdout).toContain('Thủ tục cấp Giấy xác nhận tình trạng hôn nhân');
    // Asked about documents: the documents come before the fee.
    expect(stdout.indexOf('Hồ sơ cần chuẩn bị')).toBeLessThan(stdout.indexOf('Phí, lệ phí'));
    expect(stdout).toMatch(/rà soát lại trước ngày \d{2}\/\d{2}\/\d{4}/);
  });

  it('prints outcome and ranked results as JSON', async () => {
    const { stdout } = await motcua(['ask', '--json', 'đăng ký khai sinh']);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ q: 'đăng ký khai sinh', outcome: 'answer' });
    expect(json.results[0]).toMatchObject({ id: 'dang-ky-khai-sinh', code: '1.001193' });
    expect(json.results[0].score).toBeGreaterThan(0);
  });

  it('reads one message per line from standard input and prints one JSON line each', async () => {
    const { code, stdout } = await motcua(['ask', '--json', '-'], { input: 'xin chào\n\nthời tiết hôm nay thế nào\nđăng ký khai sinh\n' });
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.outcome)).toEqual(['smalltalk', 'fallback', 'answer']);
  });

  it('refuses a missing question with usage and exit code 2', async () => {
    const { code, stdout, stderr } = await motcua(['ask']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('motcua ask: thiếu câu hỏi');
    expect(stderr).toContain('Cách dùng (usage):\n  motcua ask "<câu hỏi>"');
  });
});

describe('motcua lint', () => {
  it('passes on the real knowledge', async () => {
    const { code, stdout } = await motcua(['lint']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/mục hợp lệ; 0 lỗi/);
  });

  it('fails on broken files and names file, line and field', async () => {
    const { code, stdout } = await motcua(['lint', 'test/knowledge/fixtures/broken']);
    expect(code).toBe(1);
    expect(stdout).toContain('test/knowledge/fixtures/broken/procedures/bad-code.md:4: code: mã thủ tục dạng 1.001193');
  });
});

describe('motcua eval', () => {
  it('prints the documented JSON keys, with the baseline beside', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-eval-'));
    const file = join(dir, 'q.jsonl');
    await writeFile(
      file,
      [
        { q: 'đăng ký khai sinh cần những gì', expect: 'dang-ky-khai-sinh', style: 'accented' },
        { q: 'dang ky khai sinh', expect: '1.001193', style: 'unaccented' },
        { q: 'giá vàng hôm nay', expect: '@none', style: 'accented' },
        { q: 'cán bộ xã vòi tiền, tôi muốn phản ánh', expect: '@complaint', style: 'accented' },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    const { code, stdout } = await motcua(['eval', file, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    for (const key of ['top1', 'recall3', 'mrr', 'wrong_answer_rate', 'none_precision', 'none_recall', 'complaint_precision', 'complaint_recall', 'by_style', 'latency_ms', 'misses']) {
      expect(json).toHaveProperty(key);
    }
    expect(json.top1).toBe(1);
    expect(json.none_recall).toBe(1);
    expect(json.complaint_recall).toBe(1);
    expect(Object.keys(json.by_style).sort()).toEqual(['accented', 'unaccented']);
    expect(json.baseline).toHaveProperty('top1');
  });

  it('prints the figures for people beside the baseline, and the misses', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-eval-'));
    const file = join(dir, 'q.jsonl');
    await writeFile(file, [{ q: 'dang ky khai sinh', expect: '1.001193', split: 'dev' }, { q: 'đăng ký kết hôn', expect: 'dang-ky-khai-sinh', split: 'dev' }].map((l) => JSON.stringify(l)).join('\n'));
    const { code, stdout } = await motcua(['eval', file, '--split', 'dev']);
    expect(code).toBe(0);
    expect(stdout).toContain(`${file} (nhóm dev): 2 câu hỏi, 2 trong phạm vi (in scope)`);
    expect(stdout).toMatch(/chỉ số \(metric\) +motcua +MiniSearch mặc định/);
    expect(stdout).toMatch(/đúng ở vị trí 1 \(top-1\) +0\.500 +\d\.\d{3}/);
    expect(stdout).toContain('câu trả lời sai (misses): 1');
    expect(stdout).toMatch(/dòng 2 \[unspecified\] đăng ký kết hôn\n {6}cần dang-ky-khai-sinh, nhận \w+: dang-ky-ket-hon/);
  });

  it('names a file without questions for the split', async () => {
    const { code, stderr } = await motcua(['eval', 'test/eval/questions.jsonl', '--split', 'khong-co']);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('motcua eval: không có câu hỏi nào trong test/eval/questions.jsonl thuộc nhóm (split) khong-co.');
  });

  it('replays a file of scenarios through the dialogue and reports pass rates per kind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-eval-'));
    try {
      const file = join(dir, 'scenarios.jsonl');
      const turn = (user: string, expect: object) => ({ user, expect });
      await writeFile(
        file,
        [
          { id: 's-1', kind: 'followup', channel: 'web', turns: [turn('làm hộ chiếu cần giấy tờ gì', { entry: 'cap-ho-chieu-pho-thong', aspect: 'documents' })] },
          { id: 's-2', kind: 'complaint', channel: 'zalo', turns: [turn('/phananh', { kind: 'complaint' }), turn('hủy', { kind: 'complaint_cancelled' })] },
          { id: 's-3', kind: 'complaint', channel: 'zalo', turns: [turn('/phananh', { kind: 'list' })] },
        ]
          .map((s) => JSON.stringify(s))
          .join('\n'),
      );
      const { code, stdout } = await motcua(['eval', file, '--json']);
      expect(code).toBe(0);
      const report = JSON.parse(stdout) as { pass_rates: unknown[]; failed: { id: string }[] };
      expect(report.pass_rates).toEqual([
        { kind: 'complaint', passed: 1, total: 2 },
        { kind: 'followup', passed: 1, total: 1 },
        { kind: 'all', passed: 2, total: 3 },
      ]);
      expect(report.failed.map((f) => f.id)).toEqual(['s-3']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

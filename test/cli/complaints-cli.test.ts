// The staff commands: hashing a password for ADMIN_USERS, and exporting complaints
// from the configured database (a real SQLite file filled through the Hotline), those an
// earlier version kept in the store included.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/complaints/complaint.ts';
import { Hotline } from '../../src/complaints/hotline.ts';
import { verifyPassword } from '../../src/complaints/password.ts';
import { WorkingCalendar } from '../../src/complaints/working-days.ts';
import { parseConfig } from '../../src/config.ts';
import type { Database } from '../../src/store/database.ts';
import { sqliteBackend, type Backend } from '../store/backends.ts';
import { sqliteDatabase, type DatabaseBackend } from '../store/databases.ts';
import { motcua } from './run-motcua.ts';

describe('motcua admin-password', () => {
  it('reads the password from standard input and prints an ADMIN_USERS entry that verifies', async () => {
    const { code, stdout } = await motcua(['admin-password', 'lan.nguyen'], { input: 'mật khẩu của Lan\nsecond line ignored\n' });
    expect(code).toBe(0);
    const entry = stdout.trim();
    expect(entry).toMatch(/^lan\.nguyen:scrypt:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    const [user] = parseConfig({ ADMIN_USERS: entry }).adminUsers!;
    expect(user!.name).toBe('lan.nguyen');
    expect(await verifyPassword('mật khẩu của Lan', user!.passwordHash)).toBe(true);
    expect(await verifyPassword('second line ignored', user!.passwordHash)).toBe(false);
  });

  it.each([
    ['a short password', ['admin-password', 'lan'], 'ngắn\n', 1, 'ít nhất 10 ký tự'],
    ['an empty input', ['admin-password', 'lan'], '', 1, 'ít nhất 10 ký tự'],
    ['a name ADMIN_USERS cannot hold', ['admin-password', 'lan:admin'], 'mat-khau-du-dai\n', 2, 'motcua admin-password: tên đăng nhập chỉ gồm chữ, số'],
    ['no name', ['admin-password'], '', 2, 'motcua admin-password: thiếu tên đăng nhập của cán bộ'],
    ['two names', ['admin-password', 'lan', 'hoa'], '', 2, 'chỉ nhận một tên đăng nhập; thừa "hoa"'],
  ])('refuses %s', async (_case, args, input, exitCode, message) => {
    const { code, stdout, stderr } = await motcua(args, { input });
    expect(code).toBe(exitCode);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });
});

const newHotline = (database: Database) => new Hotline({ database, calendar: new WorkingCalendar({ fixed: [], dates: [] }), dueWorkingDays: 10, targets: [] });

describe('motcua complaints export', () => {
  let backend: Backend;
  let records: DatabaseBackend;
  let env: Record<string, string>;
  let cwd: string;
  const codes: string[] = [];

  beforeAll(async () => {
    backend = sqliteBackend();
    records = sqliteDatabase();
    const hotline = newHotline(await records.open());
    codes.push((await hotline.submit({ channel: 'telegram', chatId: '42' }, { text: 'Hồ sơ trễ hẹn, "rất lâu"', phone: '0912345678', consentAt: Date.now() })).code);
    codes.push((await hotline.submit({ channel: 'web', chatId: 'w' }, { text: '=cmd|" /C calc"!A0', subject: 'Hộ tịch' })).code);
    await hotline.act(codes[1]!, { type: 'reject', by: 'lan', reason: 'Không rõ nội dung' });
    cwd = await mkdtemp(join(tmpdir(), 'motcua-export-'));
    env = { STORE_URL: backend.url, STORE_PREFIX: backend.prefix, DATABASE_URL: records.url };
  });

  afterAll(async () => {
    await backend.cleanup();
    await records.cleanup();
  });

  it('writes CSV with a byte-order mark to standard output', async () => {
    const { code, stdout } = await motcua(['complaints', 'export', '--format', 'csv'], { env, cwd });
    expect(code).toBe(0);
    expect(stdout.startsWith('\uFEFFMã phản ánh,Ngày tiếp nhận,')).toBe(true);
    const rows = stdout.trimEnd().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(new RegExp(`^${codes[0]},.*,Đã tiếp nhận,Telegram,,"Hồ sơ trễ hẹn, ""rất lâu""",0912345678,`));
    expect(rows[2]).toMatch(new RegExp(`^${codes[1]},.*,Không tiếp nhận,Web,Hộ tịch,"'=cmd\\|"" /C calc""!A0",,,,,Không rõ nội dung,`));
  });

  it('writes JSON to a file with --out', async () => {
    const out = join(cwd, 'phan-anh.json');
    const { code, stderr } = await motcua(['complaints', 'export', '--format', 'json', '--out', out], { env, cwd });
    expect(code).toBe(0);
    expect(stderr).toContain(`Đã ghi 2 phản ánh vào ${out}`);
    const exported = JSON.parse(await readFile(out, 'utf8'));
    expect(exported.map((c: { code: string }) => c.code)).toEqual(codes);
    expect(exported[1]).toMatchObject({ status: 'rejected', reason: 'Không rõ nội dung', channel: 'web' });
  });

  it.each([
    ['no format', ['complaints', 'export'], 'thiếu --format csv hoặc --format json'],
    ['an unknown format', ['complaints', 'export', '--format', 'xlsx'], 'không có định dạng "xlsx"; dùng csv hoặc json'],
    ['an unknown sub-command', ['complaints', 'list', '--format', 'csv'], 'không có lệnh con "list"; hiện chỉ có export'],
  ])('refuses %s with usage', async (_case, args, message) => {
    const { code, stderr } = await motcua(args, { env, cwd });
    expect(code).toBe(2);
    expect(stderr).toContain(`motcua complaints: ${message}`);
    expect(stderr).toContain('Cách dùng (usage): motcua complaints export --format csv|json [--out <tệp>]');
  });

  it('says what is wrong with the configuration', async () => {
    const { code, stderr } = await motcua(['complaints', 'export', '--format', 'csv'], { env: { STORE_URL: 'mysql://x' }, cwd });
    expect(code).toBe(1);
    expect(stderr).toContain('STORE_URL: phải có dạng sqlite://<đường dẫn> hoặc redis://host:port[/db]');
  });
});

describe('motcua complaints export, with complaints an earlier version kept in the store', () => {
  /** As an earlier version stored it: a record by code in the store, and its code in the index queue. */
  const legacy: Complaint = {
    code: 'PA-7KQ3-MJ',
    address: { channel: 'zalo', chatId: 'zalo-cu' },
    text: 'Phản ánh gửi từ trước khi nâng cấp',
    subject: 'Đất đai',
    createdAt: Date.UTC(2026, 0, 5, 2),
    dueDate: '2026-01-19',
    status: 'answered',
    assignee: 'lan',
    answer: 'Đã chuyển bộ phận địa chính.',
    deliveries: {},
    reply: { state: 'sent', attempts: 1, sentAt: Date.UTC(2026, 0, 6, 3) },
    history: [
      { at: Date.UTC(2026, 0, 5, 2), by: 'citizen', action: 'receive' },
      { at: Date.UTC(2026, 0, 6, 2), by: 'lan', action: 'claim' },
      { at: Date.UTC(2026, 0, 6, 3), by: 'lan', action: 'answer', note: 'Đã chuyển bộ phận địa chính.' },
    ],
  };

  it('moves them into the database first and exports them with the others, each once', async () => {
    const backend = sqliteBackend();
    const records = sqliteDatabase();
    const cwd = await mkdtemp(join(tmpdir(), 'motcua-export-'));
    try {
      const store = await backend.open();
      await store.enqueue('complaint-index', legacy.code, legacy.createdAt);
      await store.set('complaints', legacy.code, legacy);
      const hotline = newHotline(await records.open());
      const recent = await hotline.submit({ channel: 'web', chatId: 'w' }, { text: 'Phản ánh mới' });
      const env = { STORE_URL: backend.url, STORE_PREFIX: backend.prefix, DATABASE_URL: records.url };

      const out = join(cwd, 'phan-anh.json');
      const { code, stderr } = await motcua(['complaints', 'export', '--format', 'json', '--out', out], { env, cwd });
      expect(code, stderr).toBe(0);
      expect(stderr).toContain(`Đã ghi 2 phản ánh vào ${out}`);
      const exported = JSON.parse(await readFile(out, 'utf8'));
      expect(exported.map((c: { code: string }) => c.code)).toEqual([legacy.code, recent.code]);
      expect(exported[0]).toMatchObject({
        status: 'answered',
        channel: 'zalo',
        subject: 'Đất đai',
        text: legacy.text,
        assignee: 'lan',
        answer: legacy.answer,
        history: [{ by: 'citizen', action: 'receive' }, { by: 'lan', action: 'claim' }, { by: 'lan', action: 'answer', note: legacy.answer }],
      });

      // Moved, not copied: the store no longer holds it, the database holds it whole.
      expect(await store.pending('complaint-index')).toEqual([]);
      expect(await store.get('complaints', legacy.code)).toBeUndefined();
      expect(await hotline.complaints.get(legacy.code)).toEqual(legacy);

      const again = await motcua(['complaints', 'export', '--format', 'csv'], { env, cwd });
      expect(again.code).toBe(0);
      expect(again.stdout.trimEnd().split('\r\n').slice(1).map((row) => row.split(',')[0])).toEqual([legacy.code, recent.code]);
    } finally {
      await backend.cleanup();
      await records.cleanup();
      await rm(cwd, { recursive: true, force: true });
    }
  });
});

// The configuration: defaults, every bad value named, companions required together,
// and .env.example in step with what is read.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseEnv, promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, parseConfig } from '../../src/config.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('defaults', () => {
  it('runs with nothing set: web chat only, SQLite under data/', () => {
    expect(parseConfig({})).toEqual({
      host: '0.0.0.0',
      port: 3000,
      trustProxy: undefined,
      storeUrl: 'sqlite://data/motcua.sqlite',
      storePrefix: 'motcua',
      databaseUrl: 'sqlite://data/records.sqlite',
      knowledgeDirs: ['knowledge'],
      nationalSet: true,
      knowledgeReload: true,
      sessionTtlMs: 24 * 3600_000,
      rateLimitPerMinute: 20,
      webChatPerAddressPerMinute: 60,
      logLevel: 'info',
      answering: 'inline',
      publicUrl: undefined,
      telegram: undefined,
      zalo: undefined,
      zaloOa: undefined,
      complaints: { dueWorkingDays: 10, holidaysFile: 'knowledge/holidays.yaml' },
      adminUsers: undefined,
      knowledgeEditors: [],
      hotline: { telegramChatId: undefined, webhook: undefined },
    });
  });

  it('treats empty values, as in a copied .env.example, as unset', () => {
    expect(parseConfig({ PORT: '', PUBLIC_URL: ' ', TELEGRAM_BOT_TOKEN: '' })).toEqual(parseConfig({}));
  });

  it('loads the national set unless NATIONAL_SET=off, and names any other value', () => {
    expect(parseConfig({ NATIONAL_SET: 'on' }).nationalSet).toBe(true);
    expect(parseConfig({ NATIONAL_SET: 'off' }).nationalSet).toBe(false);
    expect(() => parseConfig({ NATIONAL_SET: 'yes' })).toThrow(/NATIONAL_SET: phải là on hoặc off/);
  });

  it('is frozen, nested parts too', () => {
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: '123:abc', KNOWLEDGE_DIRS: 'a, b' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.telegram)).toBe(true);
    expect(Object.isFrozen(config.knowledgeDirs)).toBe(true);
    expect(config.knowledgeDirs).toEqual(['a', 'b']);
  });
});

describe('channel modes', () => {
  it('polls when there is no PUBLIC_URL', () => {
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_WEBHOOK_SECRET: 's', ZALO_BOT_TOKEN: 'z-token' });
    expect(config.telegram).toEqual({ token: '123:abc', apiRoot: undefined, webhook: undefined });
    expect(config.zalo?.webhook).toBeUndefined();
  });

  it('uses webhooks with PUBLIC_URL and the secrets', () => {
    const config = parseConfig({
      PUBLIC_URL: 'https://bot.ubnd.example.vn/',
      TELEGRAM_BOT_TOKEN: '123:abc',
      TELEGRAM_WEBHOOK_SECRET: 'tg_secret',
      ZALO_BOT_TOKEN: 'z-token',
      ZALO_WEBHOOK_SECRET: 'zalo-secret',
      ZALO_API_ROOT: 'http://127.0.0.1:9999/',
    });
    expect(config.telegram?.webhook).toEqual({ publicUrl: 'https://bot.ubnd.example.vn', secret: 'tg_secret' });
    expect(config.zalo).toEqual({ token: 'z-token', apiRoot: 'http://127.0.0.1:9999', webhook: { publicUrl: 'https://bot.ubnd.example.vn', secret: 'zalo-secret' } });
  });
});

describe('problems name the variable', () => {
  it.each([
    ['PORT', 'abc', /^PORT: phải là số nguyên từ 0 đến 65535 \(đang đặt "abc"\)$/],
    ['PORT', '70000', /^PORT: /],
    ['PORT', '-1', /^PORT: /],
    ['STORE_URL', 'mysql://localhost/motcua', /^STORE_URL: phải có dạng sqlite:\/\/<đường dẫn> hoặc redis:\/\/host:port\[\/db\]/],
    ['STORE_URL', 'data/motcua.sqlite', /^STORE_URL: /],
    ['STORE_PREFIX', 'a:b', /^STORE_PREFIX: /],
    ['SESSION_TTL_HOURS', '0', /^SESSION_TTL_HOURS: /],
    ['RATE_LIMIT_PER_MINUTE', '2.5', /^RATE_LIMIT_PER_MINUTE: /],
    ['LOG_LEVEL', 'verbose', /^LOG_LEVEL: phải là một trong các giá trị fatal, error/],
    ['ANSWERING', 'worker', /^ANSWERING: phải là một trong các giá trị inline, thread/],
    ['PUBLIC_URL', 'http://bot.example.vn', /^PUBLIC_URL: phải là đường dẫn \(URL\) https:\/\/ \(đang đặt "http:\/\/bot\.example\.vn"\)$/],
    ['TELEGRAM_BOT_TOKEN', 'not-a-token', /^TELEGRAM_BOT_TOKEN: /],
    ['TELEGRAM_API_ROOT', 'ftp://x', /^TELEGRAM_API_ROOT: /],
    ['ZALO_API_ROOT', 'not a url', /^ZALO_API_ROOT: /],
    ['COMPLAINT_DUE_WORKING_DAYS', '0', /^COMPLAINT_DUE_WORKING_DAYS: phải là số nguyên từ 1 đến 90/],
    ['ADMIN_USERS', 'lan:secret', /^ADMIN_USERS: phải có dạng tên:scrypt:<salt>:<hash>/],
    ['TRUST_PROXY', '1', /^TRUST_PROXY: phải là true hoặc các địa chỉ\/CIDR của proxy.*\(hop count\) \(đang đặt "1"\)$/],
    ['TRUST_PROXY', 'caddy', /^TRUST_PROXY: /],
    ['TRUST_PROXY', '10.0.0.0/33', /^TRUST_PROXY: /],
    ['TRUST_PROXY', '127.0.0.1, 10.0.0.0/8/1', /^TRUST_PROXY: /],
  ])('%s=%s', (name, value, expected) => {
    expect(problemsOf({ [name]: value })).toEqual([expect.stringMatching(expected)]);
  });

  it('never echoes a secret', () => {
    const [problem] = problemsOf({ PUBLIC_URL: 'https://x.vn', TELEGRAM_BOT_TOKEN: '1:a', TELEGRAM_WEBHOOK_SECRET: 'has spaces, bad!' });
    expect(problem).toMatch(/^TELEGRAM_WEBHOOK_SECRET: /);
    expect(problem).not.toContain('has spaces');
    expect(problemsOf({ ADMIN_USERS: 'lan:plain-password' })[0]).not.toContain('plain-password');
  });

  it('reports every problem at once', () => {
    const error = (() => {
      try {
        parseConfig({ PORT: 'x', LOG_LEVEL: 'loud', PUBLIC_URL: 'https://x.vn', ZALO_BOT_TOKEN: 'z' });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    for (const name of ['PORT', 'LOG_LEVEL', 'ZALO_WEBHOOK_SECRET']) expect(error!.message).toContain(`${name}:`);
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['false', undefined],
    ['127.0.0.1', ['127.0.0.1']],
    ['127.0.0.1, 10.0.0.0/8 ,::1, fd00::/8', ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']],
    ['loopback,uniquelocal', ['loopback', 'uniquelocal']],
  ])('%s', (value, expected) => {
    expect(parseConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });
});

describe('companions', () => {
  it.each([
    [{ PUBLIC_URL: 'https://x.vn', TELEGRAM_BOT_TOKEN: '1:a' }, 'TELEGRAM_WEBHOOK_SECRET', 'TELEGRAM_BOT_TOKEN'],
    [{ PUBLIC_URL: 'https://x.vn', ZALO_BOT_TOKEN: 'z' }, 'ZALO_WEBHOOK_SECRET', 'ZALO_BOT_TOKEN'],
    [{ ZALO_OA_REFRESH_TOKEN: 'r' }, 'ZALO_OA_APP_ID', 'ZALO_OA_REFRESH_TOKEN'],
    [{ HOTLINE_TELEGRAM_CHAT_ID: '-100123' }, 'TELEGRAM_BOT_TOKEN', 'HOTLINE_TELEGRAM_CHAT_ID'],
    [{ HOTLINE_WEBHOOK_URL: 'https://pakn.example.vn/hook' }, 'HOTLINE_WEBHOOK_SECRET', 'HOTLINE_WEBHOOK_URL'],
    [{ HOTLINE_WEBHOOK_SECRET: '0123456789abcdef' }, 'HOTLINE_WEBHOOK_URL', 'HOTLINE_WEBHOOK_SECRET'],
  ])('%o needs %s, and the message names both', (env, missing, given) => {
    const problems = problemsOf(env);
    const problem = problems.find((p) => p.startsWith(`${missing}:`));
    expect(problem).toContain(given);
  });

  it('says when and why the companion is needed', () => {
    expect(problemsOf({ PUBLIC_URL: 'https://x.vn', TELEGRAM_BOT_TOKEN: '1:a' })).toEqual([
      'TELEGRAM_WEBHOOK_SECRET: bắt buộc khi có TELEGRAM_BOT_TOKEN và PUBLIC_URL (chế độ webhook của Telegram)',
    ]);
  });

  it('staff accounts, the staff group and the webhook are read together', () => {
    const config = parseConfig({
      ADMIN_USERS: 'lan:scrypt:c2FsdA:aGFzaA, minh.tran:scrypt:c2FsdDI:aGFzaDI',
      TELEGRAM_BOT_TOKEN: '1:a',
      HOTLINE_TELEGRAM_CHAT_ID: '-100123',
      HOTLINE_WEBHOOK_URL: 'https://pakn.example.vn/hook/',
      HOTLINE_WEBHOOK_SECRET: '0123456789abcdef',
    });
    expect(config.adminUsers).toEqual([
      { name: 'lan', passwordHash: 'scrypt:c2FsdA:aGFzaA' },
      { name: 'minh.tran', passwordHash: 'scrypt:c2FsdDI:aGFzaDI' },
    ]);
    expect(config.hotline).toEqual({ telegramChatId: '-100123', webhook: { url: 'https://pakn.example.vn/hook', secret: '0123456789abcdef' } });
  });

  it('a whole Zalo OA set is accepted', () => {
    const config = parseConfig({ ZALO_OA_ID: 'oa1', ZALO_OA_APP_ID: 'app', ZALO_OA_APP_SECRET: 's', ZALO_OA_SECRET_KEY: 'k', ZALO_OA_REFRESH_TOKEN: 'r' });
    expect(config.zaloOa).toMatchObject({ oaId: 'oa1', appId: 'app', appSecret: 's', oaSecretKey: 'k', refreshToken: 'r' });
  });
});

describe('.env', () => {
  it('.env.example lists every variable read, each under a comment, and nothing else', async () => {
    const lines = (await readFile('.env.example', 'utf8')).split('\n');
    const listed = lines.flatMap((line, i) => {
      const name = /^([A-Z_]+)=/.exec(line)?.[1];
      return name ? [{ name, commented: lines[i - 1]?.startsWith('#') }] : [];
    });
    expect(listed.map((v) => v.name).sort()).toEqual([...CONFIG_VARIABLES].sort());
    expect(listed.filter((v) => !v.commented)).toEqual([]);
  });

  it('a copy of .env.example is a valid configuration', () => {
    expect(() => parseConfig(parseEnv(readFileSync('.env.example', 'utf8')))).not.toThrow();
  });

  it('loadConfig reads .env from the working directory; the environment wins', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-config-'));
    try {
      await writeFile(join(dir, '.env'), 'PORT=4100\nLOG_LEVEL=debug\n');
      const script = `import(${JSON.stringify(new URL('../../src/config.ts', import.meta.url).href)}).then((m) => { const c = m.loadConfig(); console.log(JSON.stringify([c.port, c.logLevel])); })`;
      // From another directory, tsx is found by its path.
      const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', tsx, '-e', script], {
        cwd: dir,
        env: { ...process.env, LOG_LEVEL: 'warn', PORT: undefined },
      });
      expect(JSON.parse(stdout)).toEqual([4100, 'warn']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

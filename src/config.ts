// The server's settings, read once from the environment (and from a .env file when
// there is one; the environment wins) and checked as a whole: every missing or bad
// variable is reported in one error that names it, so start-up stops with the full
// list. The only module that reads process.env; .env.example documents each variable.
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { DEFAULT_STORE_URL } from './store/open-store.ts';
import { CONFIG_TEXTS } from './texts/editors.ts';

/** The records' SQLite file, beside the store's unless DATABASE_URL says otherwise. */
const RECORDS_FILE = 'records.sqlite';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Webhook mode (PUBLIC_URL set): where the platform reaches this server, and the secret it must send. */
export interface WebhookConfig {
  publicUrl: string;
  secret: string;
}

/** A Telegram or Zalo Bot Platform bot; without `webhook` it receives by long polling. */
export interface BotConfig {
  token: string;
  apiRoot?: string;
  webhook?: WebhookConfig;
}

export interface ZaloOaConfig {
  oaId: string;
  appId: string;
  appSecret: string;
  /** The OA Secret Key that signs webhook events (not the app secret). */
  oaSecretKey: string;
  accessToken?: string;
  refreshToken: string;
  apiRoot?: string;
  oauthRoot?: string;
}

/** A staff member of the web inbox: a name shown in the history, and a password hash (see `motcua admin-password`). */
export interface AdminUser {
  name: string;
  /** "scrypt:<salt>:<hash>", both base64url. */
  passwordHash: string;
}

/** Where new complaints are announced besides the web inbox; any combination. */
export interface HotlineConfig {
  /** A Telegram group the bot (TELEGRAM_BOT_TOKEN) is in: each complaint is posted there with a claim button. */
  telegramChatId?: string;
  /** An external hotline or PAKN system: each complaint is POSTed there, signed with HMAC-SHA256. */
  webhook?: { url: string; secret: string };
}

/**
 * Which reverse proxies may say who the client is (X-Forwarded-For, -Proto, -Host), in a
 * form Fastify's `trustProxy` takes: true (any peer), or the proxies' addresses and CIDRs
 * (and proxy-addr's names loopback, linklocal, uniquelocal). No hop count: Fastify 5
 * treats a number as "trust nothing", so one would silently change nothing.
 */
export type TrustProxy = true | readonly string[];

export interface Config {
  readonly host: string;
  readonly port: number;
  /** Absent: no proxy is trusted; request.ip is the connecting address. */
  readonly trustProxy?: TrustProxy;
  readonly storeUrl: string;
  readonly storePrefix: string;
  /** Where complaints, their jobs and report events live: the SQLite file of a SQLite store by default. */
  readonly databaseUrl: string;
  readonly knowledgeDirs: readonly string[];
  /** Whether the national set (knowledge/national/) is loaded beside the curated files. */
  readonly nationalSet: boolean;
  readonly sessionTtlMs: number;
  /** Whether edits to the knowledge files are picked up while the server runs. */
  readonly knowledgeReload: boolean;
  readonly rateLimitPerMinute: number;
  /** Web chat messages one client address may send per minute (several people may share an address). */
  readonly webChatPerAddressPerMinute: number;
  readonly logLevel: LogLevel;
  /** 'thread': platform updates are answered in a thread of their own, so acknowledging them never waits behind answers. */
  readonly answering: Answering;
  readonly publicUrl?: string;
  readonly telegram?: Readonly<BotConfig>;
  readonly zalo?: Readonly<BotConfig>;
  readonly zaloOa?: Readonly<ZaloOaConfig>;
  readonly complaints: { readonly dueWorkingDays: number; readonly holidaysFile: string };
  /** Absent: no /admin inbox. */
  readonly adminUsers?: readonly AdminUser[];
  /** The staff members (of adminUsers) who may edit the knowledge from /admin. */
  readonly knowledgeEditors: readonly string[];
  readonly hotline: Readonly<HotlineConfig>;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly string[]) {
    super(CONFIG_TEXTS.invalid(problems));
  }
}

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, CONFIG_TEXTS.wholeNumber(min, max))
    .transform(Number)
    .refine((n) => n >= min && n <= max, CONFIG_TEXTS.wholeNumber(min, max));

const url = (protocols: readonly string[]) =>
  z
    .string()
    .refine((value) => URL.canParse(value) && protocols.includes(new URL(value).protocol), CONFIG_TEXTS.url(protocols))
    .transform((value) => value.replace(/\/+$/, ''));

// proxy-addr's names for address ranges, besides addresses and CIDRs.
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, a CIDR (10.0.0.0/8, fd00::/8) or a range name: what proxy-addr compiles without throwing. */
function isProxyAddress(item: string): boolean {
  if (PROXY_RANGE_NAMES.includes(item)) return true;
  const [address = '', prefix, ...rest] = item.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const trustProxy = z
  .string()
  .transform((value, context): TrustProxy | false => {
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    const items = value.split(',').map((item) => item.trim()).filter(Boolean);
    if (items.length > 0 && items.every(isProxyAddress)) return items;
    context.addIssue({ code: z.ZodIssueCode.custom, message: CONFIG_TEXTS.trustProxy });
    return z.NEVER;
  })
  .optional();

const ANSWERING = ['inline', 'thread'] as const;
export type Answering = (typeof ANSWERING)[number];

const OA_REQUIRED = ['ZALO_OA_ID', 'ZALO_OA_APP_ID', 'ZALO_OA_APP_SECRET', 'ZALO_OA_SECRET_KEY', 'ZALO_OA_REFRESH_TOKEN'] as const;

const variables = {
  HOST: z.string().default('0.0.0.0'),
  PORT: wholeNumber(0, 65535).default('3000'),
  TRUST_PROXY: trustProxy,
  STORE_URL: z
    .string()
    .regex(/^(sqlite:\/\/.+|rediss?:\/\/.+)$/, CONFIG_TEXTS.storeUrl)
    .default(DEFAULT_STORE_URL),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:\/\/.+|postgres(ql)?:\/\/.+)$/, CONFIG_TEXTS.databaseUrl)
    .optional(),
  STORE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, CONFIG_TEXTS.storePrefix).default('motcua'),
  KNOWLEDGE_DIRS: z
    .string()
    .transform((value) => value.split(',').map((dir) => dir.trim()).filter(Boolean))
    .refine((dirs) => dirs.length > 0, CONFIG_TEXTS.knowledgeDirs)
    .default('knowledge'),
  NATIONAL_SET: z.enum(['on', 'off'], { errorMap: () => ({ message: CONFIG_TEXTS.onOff }) }).default('on'),
  KNOWLEDGE_RELOAD: z.enum(['on', 'off'], { errorMap: () => ({ message: CONFIG_TEXTS.onOff }) }).default('on'),
  SESSION_TTL_HOURS: z
    .string()
    .regex(/^\d+(\.\d+)?$/, CONFIG_TEXTS.hours)
    .transform(Number)
    .refine((hours) => hours > 0, CONFIG_TEXTS.hours)
    .default('24'),
  RATE_LIMIT_PER_MINUTE: wholeNumber(1, 100_000).default('20'),
  WEB_CHAT_PER_ADDRESS_PER_MINUTE: wholeNumber(1, 100_000).default('60'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { errorMap: () => ({ message: CONFIG_TEXTS.oneOf(LOG_LEVELS) }) }).default('info'),
  ANSWERING: z.enum(ANSWERING, { errorMap: () => ({ message: CONFIG_TEXTS.oneOf(ANSWERING) }) }).default('inline'),
  PUBLIC_URL: url(['https:']).optional(),
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, CONFIG_TEXTS.telegramToken).optional(),
  // Telegram's own rule for secret_token.
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, CONFIG_TEXTS.telegramSecret).optional(),
  TELEGRAM_API_ROOT: url(['https:', 'http:']).optional(),
  ZALO_BOT_TOKEN: z.string().optional(),
  ZALO_WEBHOOK_SECRET: z.string().min(8, CONFIG_TEXTS.zaloSecret).max(256, CONFIG_TEXTS.zaloSecret).optional(),
  ZALO_API_ROOT: url(['https:', 'http:']).optional(),
  ZALO_OA_ID: z.string().optional(),
  ZALO_OA_APP_ID: z.string().optional(),
  ZALO_OA_APP_SECRET: z.string().optional(),
  ZALO_OA_SECRET_KEY: z.string().optional(),
  ZALO_OA_ACCESS_TOKEN: z.string().optional(),
  ZALO_OA_REFRESH_TOKEN: z.string().optional(),
  ZALO_OA_API_ROOT: url(['https:', 'http:']).optional(),
  ZALO_OA_OAUTH_ROOT: url(['https:', 'http:']).optional(),
  COMPLAINT_DUE_WORKING_DAYS: wholeNumber(1, 90).default('10'),
  HOLIDAYS_FILE: z.string().default('knowledge/holidays.yaml'),
  ADMIN_USERS: z
    .string()
    .transform((value) => value.split(',').map((pair) => pair.trim()).filter(Boolean))
    .refine((pairs) => pairs.length > 0 && pairs.every((pair) => ADMIN_USER.test(pair)), CONFIG_TEXTS.adminUsers)
    .transform((pairs) => pairs.map((pair) => ({ name: pair.slice(0, pair.indexOf(':')), passwordHash: pair.slice(pair.indexOf(':') + 1) })))
    .optional(),
  KNOWLEDGE_EDITORS: z
    .string()
    .transform((value) => value.split(',').map((name) => name.trim()).filter(Boolean))
    .optional(),
  HOTLINE_TELEGRAM_CHAT_ID: z.string().regex(/^-?\d+$/, CONFIG_TEXTS.chatId).optional(),
  HOTLINE_WEBHOOK_URL: url(['https:', 'http:']).optional(),
  HOTLINE_WEBHOOK_SECRET: z.string().min(16, CONFIG_TEXTS.hotlineSecret).optional(),
};

const ADMIN_USER = /^[\p{L}\p{N}._-]{1,64}:scrypt:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/u;

/** Every variable the server reads. */
export const CONFIG_VARIABLES = Object.keys(variables) as (keyof typeof variables)[];
type Env = Partial<Record<keyof typeof variables, string>>;

/**
 * On one machine the records go in a file beside the store's: a file of their own, because
 * a transaction of the records holds SQLite's write lock across awaits, and the store's
 * synchronous writes to the same file from the same process would wait on it with the
 * event loop blocked.
 */
function defaultDatabaseUrl(storeUrl: string): string {
  const storePath = storeUrl.startsWith('sqlite://') ? storeUrl.slice('sqlite://'.length) : DEFAULT_STORE_URL.slice('sqlite://'.length);
  return `sqlite://${join(dirname(storePath), RECORDS_FILE)}`;
}

/** Reads .env (when present) and the environment. Throws ConfigError. */
export function loadConfig(): Config {
  const file = existsSync('.env') ? parseEnv(readFileSync('.env', 'utf8')) : {};
  return parseConfig({ ...file, ...process.env });
}

/** Checks `source` as a whole. Empty values count as unset (a copied .env.example). Throws ConfigError. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const env: Env = {};
  for (const name of CONFIG_VARIABLES) {
    const value = source[name]?.trim();
    if (value) env[name] = value;
  }
  const parsed = z.object(variables).safeParse(env);
  const problems = [...(parsed.success ? [] : parsed.error.issues.map((issue) => describe(issue, env))), ...companionProblems(env)];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(toConfig(parsed.data));
}

function toConfig(v: z.infer<z.ZodObject<typeof variables>>): Config {
  const webhook = (secret: string | undefined) => (v.PUBLIC_URL && secret ? { publicUrl: v.PUBLIC_URL, secret } : undefined);
  return {
    host: v.HOST,
    port: v.PORT,
    trustProxy: v.TRUST_PROXY || undefined,
    storeUrl: v.STORE_URL,
    storePrefix: v.STORE_PREFIX,
    databaseUrl: v.DATABASE_URL ?? defaultDatabaseUrl(v.STORE_URL),
    knowledgeDirs: v.KNOWLEDGE_DIRS,
    nationalSet: v.NATIONAL_SET === 'on',
    knowledgeReload: v.KNOWLEDGE_RELOAD === 'on',
    sessionTtlMs: Math.round(v.SESSION_TTL_HOURS * 3600_000),
    rateLimitPerMinute: v.RATE_LIMIT_PER_MINUTE,
    webChatPerAddressPerMinute: v.WEB_CHAT_PER_ADDRESS_PER_MINUTE,
    logLevel: v.LOG_LEVEL,
    answering: v.ANSWERING,
    publicUrl: v.PUBLIC_URL,
    telegram: v.TELEGRAM_BOT_TOKEN ? { token: v.TELEGRAM_BOT_TOKEN, apiRoot: v.TELEGRAM_API_ROOT, webhook: webhook(v.TELEGRAM_WEBHOOK_SECRET) } : undefined,
    zalo: v.ZALO_BOT_TOKEN ? { token: v.ZALO_BOT_TOKEN, apiRoot: v.ZALO_API_ROOT, webhook: webhook(v.ZALO_WEBHOOK_SECRET) } : undefined,
    zaloOa:
      v.ZALO_OA_ID && v.ZALO_OA_APP_ID && v.ZALO_OA_APP_SECRET && v.ZALO_OA_SECRET_KEY && v.ZALO_OA_REFRESH_TOKEN
        ? {
            oaId: v.ZALO_OA_ID,
            appId: v.ZALO_OA_APP_ID,
            appSecret: v.ZALO_OA_APP_SECRET,
            oaSecretKey: v.ZALO_OA_SECRET_KEY,
            accessToken: v.ZALO_OA_ACCESS_TOKEN,
            refreshToken: v.ZALO_OA_REFRESH_TOKEN,
            apiRoot: v.ZALO_OA_API_ROOT,
            oauthRoot: v.ZALO_OA_OAUTH_ROOT,
          }
        : undefined,
    complaints: { dueWorkingDays: v.COMPLAINT_DUE_WORKING_DAYS, holidaysFile: v.HOLIDAYS_FILE },
    adminUsers: v.ADMIN_USERS,
    knowledgeEditors: v.KNOWLEDGE_EDITORS ?? [],
    hotline: {
      telegramChatId: v.HOTLINE_TELEGRAM_CHAT_ID,
      webhook: v.HOTLINE_WEBHOOK_URL && v.HOTLINE_WEBHOOK_SECRET ? { url: v.HOTLINE_WEBHOOK_URL, secret: v.HOTLINE_WEBHOOK_SECRET } : undefined,
    },
  };
}

/** A variable that only works together with others: named with the one that needs it. */
function companionProblems(env: Env): string[] {
  const problems: string[] = [];
  const need = (name: keyof Env, givenWith: string, purpose: string) => {
    if (env[name] === undefined) problems.push(CONFIG_TEXTS.needed(name, givenWith, purpose));
  };
  if (env.PUBLIC_URL && env.TELEGRAM_BOT_TOKEN) need('TELEGRAM_WEBHOOK_SECRET', CONFIG_TEXTS.both('TELEGRAM_BOT_TOKEN', 'PUBLIC_URL'), CONFIG_TEXTS.telegramWebhook);
  if (env.PUBLIC_URL && env.ZALO_BOT_TOKEN) need('ZALO_WEBHOOK_SECRET', CONFIG_TEXTS.both('ZALO_BOT_TOKEN', 'PUBLIC_URL'), CONFIG_TEXTS.zaloWebhook);
  if (env.HOTLINE_TELEGRAM_CHAT_ID) need('TELEGRAM_BOT_TOKEN', 'HOTLINE_TELEGRAM_CHAT_ID', CONFIG_TEXTS.staffGroup);
  if (env.HOTLINE_WEBHOOK_URL) need('HOTLINE_WEBHOOK_SECRET', 'HOTLINE_WEBHOOK_URL', CONFIG_TEXTS.signWebhook);
  if (env.HOTLINE_WEBHOOK_SECRET) need('HOTLINE_WEBHOOK_URL', 'HOTLINE_WEBHOOK_SECRET', CONFIG_TEXTS.webhookUrl);
  const oaGiven = CONFIG_VARIABLES.find((name) => name.startsWith('ZALO_OA_') && env[name] !== undefined);
  if (oaGiven) for (const name of OA_REQUIRED) need(name, oaGiven, 'Zalo OA');
  const staff = new Set((env.ADMIN_USERS ?? '').split(',').map((pair) => pair.trim().split(':')[0]));
  const strangers = (env.KNOWLEDGE_EDITORS ?? '').split(',').map((name) => name.trim()).filter((name) => name && !staff.has(name));
  if (strangers.length) problems.push(CONFIG_TEXTS.unknownEditors(strangers));
  // See defaultDatabaseUrl: one file for both would stall the server.
  if (env.DATABASE_URL?.startsWith('sqlite://') && resolve(env.DATABASE_URL.slice(9)) === resolve((env.STORE_URL ?? DEFAULT_STORE_URL).slice(9))) {
    problems.push(CONFIG_TEXTS.sameDatabase);
  }
  return problems;
}

// Secrets are never echoed back, other values are: "PORT: … (đang đặt "abc")" is quicker to fix.
const SECRET_NAME = /TOKEN|SECRET|KEY|USERS|DATABASE_URL/;

function describe(issue: z.ZodIssue, env: Env): string {
  const name = String(issue.path[0]) as keyof Env;
  const got = env[name] !== undefined && !SECRET_NAME.test(name) ? CONFIG_TEXTS.currentValue(String(env[name])) : '';
  return `${name}: ${issue.message}${got}`;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

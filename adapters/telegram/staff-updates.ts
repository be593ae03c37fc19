// What hotline staff do in their Telegram group, whether updates come by webhook or
// by polling: press "Nhận xử lý" under a complaint post (claim), reply to the post
// (answer the citizen), or type /dong or /chuyen. Each is a Hotline action, stored
// before Telegram is acknowledged and de-duplicated (Telegram redelivers); anything
// else said in the group is ignored. The group is never a citizen chat: none of its
// updates reach the citizen pipeline.
import { randomUUID } from 'node:crypto';
import { GrammyError, type Api } from 'grammy';
import { z } from 'zod/v4';
import type { Complaint, Transition, TransitionResult } from '../../src/complaints/complaint.ts';
import { STATUS_LABELS } from '../../src/complaints/export.ts';
import type { Hotline } from '../../src/complaints/hotline.ts';
import { parseTrackingCode } from '../../src/complaints/tracking-code.ts';
import type { Store } from '../../src/store/store.ts';
import { STAFF_UPDATE_TEXTS } from '../../src/texts/staff.ts';
import type { Received } from '../shared/webhook-route.ts';
import { CLAIM_ACTION_PREFIX, codeInPost, renderComplaintPost } from './staff-group.ts';
import { chat, displayName, user } from './translate.ts';

const SEEN = 'telegram-staff-updates';
/** Telegram keeps an unconfirmed update for 24 h: ids are remembered longer. */
const DEFAULT_DEDUP_TTL_MS = 48 * 3600_000;
/** How long a redelivery waits for an update being handled (or whose handler crashed) before it may act itself. */
const WORKING_LEASE_MS = 2 * 60_000;
const DONE = 'done';

// Only the fields read here; zod strips the rest.
const postRef = z.object({ message_id: z.number().int(), from: user.optional(), text: z.string().optional() });
const message = z.object({
  message_id: z.number().int(),
  chat,
  from: user.optional(),
  text: z.string().optional(),
  reply_to_message: postRef.optional(),
});
const callbackQuery = z.object({
  id: z.string(),
  from: user,
  message: z.object({ message_id: z.number().int(), chat }).optional(),
  data: z.string().optional(),
});
const update = z.object({ update_id: z.number().int().nonnegative(), message: message.optional(), callback_query: callbackQuery.optional() });

type StaffMessage = z.infer<typeof message>;
type StaffUser = z.infer<typeof user>;

/** How staff are told the outcome: a toast on the pressed button (and the post edited), or a reply to their message. */
type Respond = { via: 'button'; callbackQueryId: string; postId: number } | { via: 'reply'; messageId: number };

type Request =
  /** done: what staff are told when the action went through. */
  | { kind: 'act'; code: string; change: Transition; respond: Respond; done: string }
  | { kind: 'usage'; text: string; respond: Extract<Respond, { via: 'reply' }> }
  | { kind: 'ignored'; reason: string; callbackQueryId?: string };

export interface StaffUpdatesOptions {
  /** The bot's API client: answers buttons, edits posts, replies in the group. */
  api: Api;
  /** HOTLINE_TELEGRAM_CHAT_ID. */
  chatId: string;
  hotline: Pick<Hotline, 'act' | 'complaints'>;
  /** Where handled update ids are remembered. */
  store: Store;
  /** Told when telling staff the outcome fails; the action itself is stored by then. */
  onError?: (error: unknown) => void;
  dedupTtlMs?: number;
}

export interface StaffUpdates {
  /** True for every update from the staff group: those are handled here, never as a citizen's. */
  owns(raw: unknown): boolean;
  /** Rejects only when the action could not be stored: the update must come again (webhook: 5xx). */
  handle(raw: unknown): Promise<Received>;
}

export function createStaffUpdates(options: StaffUpdatesOptions): StaffUpdates {
  return new StaffGroupUpdates(options);
}

class StaffGroupUpdates implements StaffUpdates {
  private readonly onError: (error: unknown) => void;
  private readonly dedupTtlMs: number;

  constructor(private readonly options: StaffUpdatesOptions) {
    this.onError = options.onError ?? (() => {});
    this.dedupTtlMs = options.dedupTtlMs ?? DEFAULT_DEDUP_TTL_MS;
  }

  owns(raw: unknown): boolean {
    return chatOf(raw) === this.options.chatId;
  }

  async handle(raw: unknown): Promise<Received> {
    const parsed = update.safeParse(raw);
    if (!parsed.success) return { status: 'malformed', problem: parsed.error.issues.map((i) => `${i.path.join('.') || 'update'}: ${i.message}`).join('; ') };
    const request = readRequest(parsed.data);
    if (request.kind === 'ignored') {
      // A pressed button shows a spinner until answered, whatever it was.
      if (request.callbackQueryId !== undefined) await this.quietly(() => this.options.api.answerCallbackQuery(request.callbackQueryId!));
      return { status: 'ignored', reason: request.reason };
    }
    const updateId = String(parsed.data.update_id);
    const token = `working:${randomUUID()}`;
    if ((await this.sighting(updateId, token)) === 'duplicate') {
      const { respond } = request;
      if (respond.via === 'button') await this.quietly(() => this.options.api.answerCallbackQuery(respond.callbackQueryId));
      return { status: 'duplicate' };
    }
    // Stored first, told after: a refused or failed reply to staff never loses the action.
    const result = await this.perform(request, updateId, token);
    if (request.kind === 'usage') await this.replyTo(request.respond.messageId, request.text);
    else if (result) await this.tell(request, result);
    return { status: 'accepted' };
  }

  /** 'new' when this call may act on the update; throws while another handler of it may still be at work. */
  private async sighting(updateId: string, token: string): Promise<'new' | 'duplicate'> {
    const { store } = this.options;
    if (await store.claim(SEEN, updateId, token, WORKING_LEASE_MS)) return 'new';
    if ((await store.get<string>(SEEN, updateId)) === DONE) return 'duplicate';
    throw new Error(`staff update ${updateId} is being handled; Telegram will deliver it again`);
  }

  /** Stores the action and marks the update handled, or neither. */
  private async perform(request: Exclude<Request, { kind: 'ignored' }>, updateId: string, token: string): Promise<TransitionResult | undefined> {
    const { store, hotline } = this.options;
    try {
      const result = request.kind === 'act' ? await hotline.act(request.code, request.change) : undefined;
      await store.set(SEEN, updateId, DONE, this.dedupTtlMs);
      return result;
    } catch (error) {
      // Not stored: forget the sighting, so that Telegram's redelivery is taken.
      await store.release(SEEN, updateId, token).catch(() => {});
      throw error;
    }
  }

  private async tell(request: Extract<Request, { kind: 'act' }>, result: TransitionResult): Promise<void> {
    const { api, chatId, hotline } = this.options;
    const { code, respond, done } = request;
    const current = result.ok ? result.complaint : await hotline.complaints.get(code).catch(() => undefined);
    if (respond.via !== 'button') return this.replyTo(respond.messageId, result.ok ? done : refusal(code, current));
    const text = result.ok ? done : current?.assignee ? STAFF_UPDATE_TEXTS.claimedByOther(current.assignee) : refusal(code, current);
    await this.quietly(() => api.answerCallbackQuery(respond.callbackQueryId, { text }));
    // The post shows who has it, whoever pressed; a post already showing it is left as it is.
    if (current?.assignee) {
      const post = renderComplaintPost(current);
      await this.quietly(() => api.editMessageText(chatId, respond.postId, post.text, { parse_mode: 'HTML', reply_markup: { inline_keyboard: [] } }));
    }
  }

  private replyTo(messageId: number, text: string): Promise<void> {
    const { api, chatId } = this.options;
    return this.quietly(() => api.sendMessage(chatId, text, { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } }));
  }

  /** Telling staff may fail (or find the post already as it should be) without undoing what is stored. */
  private async quietly(call: () => Promise<unknown>): Promise<void> {
    await call().catch((error: unknown) => (isNotModified(error) ? undefined : this.onError(error)));
  }
}

function readRequest({ message: msg, callback_query: query }: z.infer<typeof update>): Request {
  if (query) {
    const callbackQueryId = query.id;
    const code = query.data?.startsWith(CLAIM_ACTION_PREFIX) ? parseTrackingCode(query.data.slice(CLAIM_ACTION_PREFIX.length)) : undefined;
    if (!code || !query.message) return { kind: 'ignored', reason: 'not a claim button', callbackQueryId };
    const respond = { via: 'button', callbackQueryId, postId: query.message.message_id } as const;
    return { kind: 'act', code, change: { type: 'claim', by: staffName(query.from) }, respond, done: STAFF_UPDATE_TEXTS.claimed(code) };
  }
  if (!msg) return { kind: 'ignored', reason: 'neither a message nor a button' };
  if (!msg.from || msg.from.is_bot) return { kind: 'ignored', reason: 'not from a staff member' };
  if (msg.text === undefined) return { kind: 'ignored', reason: 'message without text' };
  const by = staffName(msg.from);
  const respond = { via: 'reply', messageId: msg.message_id } as const;
  // Only a reply to one of the bot's posts names a complaint; the rest is the staff talking among themselves.
  const postCode = msg.reply_to_message?.from?.is_bot ? codeInPost(msg.reply_to_message.text) : undefined;
  const command = /^\/([a-z]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(msg.text.trim());
  if (command) return readCommand(command[1]!.toLowerCase(), command[2]?.trim() ?? '', postCode, by, respond);
  if (!postCode) return { kind: 'ignored', reason: 'not a reply to a complaint post' };
  return { kind: 'act', code: postCode, change: { type: 'answer', by, text: msg.text }, respond, done: STAFF_UPDATE_TEXTS.answered(postCode) };
}

/** "/dong <mã>" closes, "/chuyen <mã> <lý do>" transfers; as a reply to a post, the code may be left out. */
function readCommand(name: string, args: string, postCode: string | undefined, by: string, respond: Extract<Respond, { via: 'reply' }>): Request {
  if (name !== 'dong' && name !== 'chuyen') return { kind: 'ignored', reason: `command /${name}` };
  const [first = '', ...rest] = args.split(/\s+/);
  const typedCode = parseTrackingCode(first);
  const code = typedCode ?? postCode;
  const remainder = typedCode ? rest.join(' ') : args;
  if (name === 'dong') {
    return code ? { kind: 'act', code, change: { type: 'close', by }, respond, done: STAFF_UPDATE_TEXTS.closed(code) } : { kind: 'usage', text: STAFF_UPDATE_TEXTS.closeUsage, respond };
  }
  if (!code || !remainder) return { kind: 'usage', text: STAFF_UPDATE_TEXTS.transferUsage, respond };
  return { kind: 'act', code, change: { type: 'transfer', by, reason: remainder }, respond, done: STAFF_UPDATE_TEXTS.transferred(code) };
}

/** How a staff member appears in a complaint's history: "telegram:@lan_hotline", else their name and id. */
function staffName(from: StaffUser): string {
  return from.username ? `telegram:@${from.username}` : `telegram:${displayName(from)} (${from.id})`;
}

function refusal(code: string, current: Complaint | undefined): string {
  return STAFF_UPDATE_TEXTS.refused(code, current ? STAFF_UPDATE_TEXTS.inStatus(STATUS_LABELS[current.status]) : STAFF_UPDATE_TEXTS.unknown(code));
}

/** The chat an update comes from, read leniently: routing must not depend on the update being valid. */
function chatOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { message: msg, callback_query: query } = raw as { message?: StaffMessage; callback_query?: { message?: { chat?: { id?: unknown } } } };
  const id = msg?.chat?.id ?? query?.message?.chat?.id;
  return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined;
}

/** Telegram refuses to edit a post into what it already shows: nothing to report. */
function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.description.includes('message is not modified');
}

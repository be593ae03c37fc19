// Per-chat dialogue state, kept in the store with a time-to-live. Small on purpose:
// the entry last answered (for follow-ups), the menus last offered (so a pressed
// button or a typed number maps back to what it meant), and a complaint being written.
import type { Aspect } from '../knowledge/lexicon.ts';
import type { IntakeDraft } from './intake.ts';
import { addressKey, type Address } from '../kernel/messages.ts';
import type { Store } from '../store/store.ts';

export interface OfferedMenu {
  id: string;
  actions: string[];
}

export interface Session {
  entryId?: string;
  /** The parts the last answer led with: a correction that asks none asks them of what was meant. */
  aspects?: Aspect[];
  /** The entries answered in this chat, newest first: "quay lại vụ tạm trú lúc nãy" means one of them. */
  recent?: string[];
  /** The list last offered by "which one did you mean?", with the parts the citizen asked for and the message it answered, until one is picked. */
  clarify?: { ids: string[]; aspects: Aspect[]; question?: string };
  /** The entries shown in "which one?" lists of this chat, newest first: a later "quay lại vụ … lúc nãy" may mean one. */
  listed?: string[];
  /** An answer and the entries offered beside it ("đăng ký lại kết hôn"): the next message may pick one, like a list. */
  offered?: string[];
  /** Newest first; a few are kept so an older message's buttons still work. */
  menus: OfferedMenu[];
  /** A complaint being written; it lasts as long as the session. */
  intake?: IntakeDraft;
  /** The last question kept for staff (kept-questions.ts): a pick from its list or a rating of its answer is written onto it. */
  asked?: { id: string; entryId?: string; listed?: string[] };
  /** A place question that named several places: the next message may say which ("quận 3", "Cà Mau"). */
  place?: string;
}

const NAMESPACE = 'session';
export const MENUS_KEPT = 4;
export const RECENT_KEPT = 5;
/** Two lists of three. */
export const LISTED_KEPT = 6;

export class Sessions {
  constructor(
    private readonly store: Store,
    private readonly ttlMs: number,
  ) {}

  async load(address: Address): Promise<Session> {
    return (await this.store.get<Session>(NAMESPACE, addressKey(address))) ?? { menus: [] };
  }

  async save(address: Address, session: Session): Promise<void> {
    await this.store.set(NAMESPACE, addressKey(address), session, this.ttlMs);
  }
}

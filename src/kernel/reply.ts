// The channel-neutral vocabulary of what the bot says: text, optionally with
// choices. Adapters render choices as buttons (Telegram, web) or numbers (Zalo).

export interface Choice {
  label: string;
  /**
   * What picking it means. Adapters treat it as an opaque ASCII token of at most
   * 64 bytes (it fits Telegram's callback_data) and hand it back as Incoming.action.
   */
  action: string;
}

export interface Reply {
  text: string;
  choices?: Choice[];
  /** What the reply is, for reports and evaluation; adapters never send it. */
  about?: ReplyAbout;
}

/** What a reply does in the conversation: which entry it answers, which it lists, which place it is about, which step it is. */
export type ReplyAbout =
  | { kind: 'answer'; entry: string; parts: string[] }
  | { kind: 'list'; entries: string[]; parts: string[] }
  | { kind: 'place'; codes: string[] }
  | { kind: 'place_list'; codes: string[] }
  | { kind: 'fallback' }
  | { kind: 'smalltalk' }
  | { kind: 'scam' }
  | { kind: 'complaint' }
  | { kind: 'complaint_submitted'; code: string }
  | { kind: 'complaint_cancelled' };

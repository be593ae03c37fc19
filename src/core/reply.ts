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
}

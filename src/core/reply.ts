// The channel-neutral vocabulary of what the bot says: text, optionally with
// choices. Adapters render choices as buttons (Telegram, web) or numbers (Zalo).

export interface Choice {
  label: string;
  /** What picking it means, e.g. `entry:dang-ky-khai-sinh` or `section:dang-ky-khai-sinh:documents`. */
  action: string;
}

export interface Reply {
  text: string;
  choices?: Choice[];
}

// A citizen talking to a Conversation the way their channel lets them: `say` types
// text; `press` presses a button by its label on a channel with buttons, or types
// its number on a numbered channel (Zalo, Zalo OA), where a turn has one list.
import type { Conversation } from '../../src/dialogue/conversation.ts';
import type { Address, ChannelName } from '../../src/kernel/messages.ts';
import type { Reply } from '../../src/kernel/reply.ts';

const NUMBERED: readonly ChannelName[] = ['zalo', 'zalo-oa'];

export interface ChatCitizen {
  address: Address;
  say(text: string): Promise<Reply[]>;
  press(label: string): Promise<Reply[]>;
  /** The replies to the last message. */
  last(): Reply[];
}

let chats = 0;

export function chatCitizen(conversation: Pick<Conversation, 'handle'>, channel: ChannelName): ChatCitizen {
  const address: Address = { channel, chatId: `citizen-${++chats}` };
  let last: Reply[] = [];
  let update = 0;
  const send = async (message: { text: string } | { action: string }) => {
    last = await conversation.handle({ address, updateId: String(++update), receivedAt: Date.now(), ...message });
    return last;
  };
  return {
    address,
    last: () => last,
    say: (text) => send({ text }),
    press(label) {
      const lists = last.filter((r) => r.choices?.length).map((r) => r.choices!);
      const list = lists.find((choices) => choices.some((c) => c.label === label));
      const index = list?.findIndex((c) => c.label === label) ?? -1;
      if (!list) throw new Error(`no choice "${label}" in ${JSON.stringify(last)}`);
      if (!NUMBERED.includes(channel)) return send({ action: list[index]!.action });
      if (lists.length !== 1) throw new Error(`a numbered channel got ${lists.length} lists in one turn`);
      return send({ text: String(index + 1) });
    },
  };
}

/** The replies' texts as one string. */
export function said(replies: Reply[]): string {
  return replies.map((r) => r.text).join('\n---\n');
}

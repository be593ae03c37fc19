// What the server needs of a push channel (Telegram, Zalo, Zalo OA), whatever its platform.
import type { FastifyPluginAsync } from 'fastify';
import type { Admit, ChannelSender } from '../src/kernel/messages.ts';

/** A push channel: its sender, and how updates come in once there is an inbox to admit them. */
export interface Channel {
  sender: ChannelSender;
  receive(admit: Admit): { routes: FastifyPluginAsync } | { poll: (signal: AbortSignal) => Promise<void> };
}

// What each channel can do, as its adapter knows it. The dialogue and the send loop
// read these instead of naming channels, so a new channel is a new line here.
import type { ChannelName, ChannelTraits, TraitsOf } from '../src/kernel/messages.ts';

export const CHANNEL_TRAITS: Record<ChannelName, ChannelTraits> = {
  // The page shows buttons, but nothing reaches it once it is closed: answers are looked up.
  web: { buttons: true, push: false },
  telegram: { buttons: true, push: true },
  // Zalo shows plain text only: choices are numbered and typed.
  zalo: { buttons: false, push: true },
  'zalo-oa': { buttons: false, push: true },
};

export const channelTraits: TraitsOf = (channel) => CHANNEL_TRAITS[channel];

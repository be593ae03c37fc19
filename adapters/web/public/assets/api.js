// The page's side of POST api/chat, and the session id that ties the citizen's
// messages together across page loads.
import { TEXTS } from './texts.js';

const SESSION_KEY = 'motcua.session';
const SESSION_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const TIMEOUT_MS = 20000;

export function sessionId() {
  const kept = readStorage();
  if (kept && SESSION_PATTERN.test(kept)) return kept;
  const id = messageId();
  writeStorage(id);
  return id;
}

/** 32 hex digits: a session's id, or one message's. */
export function messageId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Resolves to the bot's replies; rejects with an Error whose message the citizen can read. */
export async function postChat(body) {
  let response;
  try {
    response = await fetch('api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      // Older phones lack AbortSignal.timeout; they wait for the browser's own timeout instead.
      signal: AbortSignal.timeout?.(TIMEOUT_MS),
    });
  } catch {
    throw new Error(TEXTS.unreachable);
  }
  const data = await response.json().catch(() => null);
  if (response.ok && Array.isArray(data?.replies)) return data.replies;
  throw new Error(typeof data?.error === 'string' ? data.error : TEXTS.failed);
}

// Storage can be off (private browsing, blocked third-party storage in a portal's
// iframe): the chat still works, with a session that lasts as long as the page.
function readStorage() {
  try {
    return localStorage.getItem(SESSION_KEY);
  } catch {
    return null;
  }
}

function writeStorage(id) {
  try {
    localStorage.setItem(SESSION_KEY, id);
  } catch {
    // Nothing to do: see above.
  }
}

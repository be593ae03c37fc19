// The chat page: sends what the citizen types or picks, shows the bot's replies,
// and keeps keyboard focus where a keyboard or screen-reader user expects it.
import { messageId, postChat, sessionId } from './api.js';
import { rememberCodes } from './complaints.js';
import { botMessage, errorMessage, isUsed, markUsed, userMessage } from './render.js';

const session = sessionId();
const log = document.getElementById('log');
const scroller = document.getElementById('scroller');
const typing = document.getElementById('typing');
const form = document.getElementById('form');
const input = document.getElementById('question');
const send = document.getElementById('send');
const close = document.getElementById('close');
// On touch screens focusing the text box opens the keyboard over the answer, so only move focus there with a mouse.
const finePointer = matchMedia('(pointer: fine)').matches;
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
let pending = false;

/**
 * One round trip. `shown` is what the citizen sees as their own message (nothing
 * for the opening /start or a retry); `pressed` is the button that started it.
 */
async function exchange(message, shown, pressed) {
  const own = shown ? log.appendChild(userMessage(shown)) : null;
  setBusy(true);
  let added;
  try {
    // One id per message, kept when it is sent again: a repeat gets the answer already given.
    if (!message.id) message.id = messageId();
    const replies = await postChat({ session, ...message });
    for (const reply of replies) rememberCodes(reply.text);
    added = replies.map((reply) => log.appendChild(botMessage(reply, pick)));
  } catch (error) {
    added = [log.appendChild(errorMessage(error.message, (retry) => retryWith(retry, message)))];
  } finally {
    setBusy(false);
  }
  const first = own ?? added[0];
  if (first) reveal(first);
  if (pressed) settleFocus(added);
}

function pick(choice, button) {
  if (pending || isUsed(button)) return;
  markUsed(button);
  exchange({ action: choice.action }, choice.label, button);
}

function retryWith(button, message) {
  if (pending || isUsed(button)) return;
  markUsed(button);
  exchange(message, null, button);
}

// After a button press: on to the new choices if there are any, else back to the text box.
// The pressed button stays focusable (aria-disabled), so focus is never dropped.
function settleFocus(added) {
  const next = [...added].reverse().find((item) => item.querySelector('button'))?.querySelector('button');
  if (next) next.focus({ preventScroll: true });
  else if (finePointer) input.focus({ preventScroll: true });
}

function setBusy(busy) {
  pending = busy;
  typing.hidden = !busy;
  log.setAttribute('aria-busy', String(busy));
  send.setAttribute('aria-disabled', String(busy));
  if (busy) scroller.scrollTo({ top: scroller.scrollHeight, behavior: scrollBehavior() });
}

/** Scrolls so that `item` starts at the top: long answers are read from their beginning. */
function reveal(item) {
  scroller.scrollTo({ top: Math.max(0, item.offsetTop - 12), behavior: scrollBehavior() });
}

function scrollBehavior() {
  return reducedMotion.matches ? 'auto' : 'smooth';
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text || pending) return;
  input.value = '';
  exchange({ text }, text, null);
});

// Inside the portal widget (widget.js adds ?embed=1): the close button and Escape ask the portal to close it.
if (new URLSearchParams(location.search).get('embed') === '1') {
  const askToClose = () => parent.postMessage({ type: 'motcua:close' }, '*');
  close.hidden = false;
  close.addEventListener('click', askToClose);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') askToClose();
  });
}

if (finePointer) input.focus();
exchange({ text: '/start' }, null, null);

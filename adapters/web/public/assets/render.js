// Builds the chat's messages as DOM nodes. Text from the bot or the citizen is only
// ever set as text (never parsed as HTML); web addresses become real links.
import { TEXTS } from './texts.js';

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
// Punctuation that ends a sentence rather than the address: "… tại https://x.vn."
const TRAILING = /[.,;:!?)\]]+$/;
// Choices this short fit side by side (the rating buttons); longer ones get a line each.
const INLINE_LABEL = 12;
// Some official procedure names run to several hundred characters: bold would make them hard to read.
const LONG_LABEL = 90;

export function botMessage(reply, onChoice) {
  const item = message('msg msg-bot', TEXTS.bot);
  item.append(paragraph(linkified(reply.text)));
  const choices = reply.choices ?? [];
  if (choices.length) {
    const group = element('div', choices.every((c) => c.label.length <= INLINE_LABEL) ? 'choices choices-inline' : 'choices');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', TEXTS.choices);
    for (const choice of choices) {
      const button = element('button', choice.label.length > LONG_LABEL ? 'choice choice-long' : 'choice');
      button.type = 'button';
      button.textContent = choice.label;
      button.addEventListener('click', () => onChoice(choice, button));
      group.append(button);
    }
    item.append(group);
  }
  return item;
}

export function userMessage(text) {
  const item = message('msg msg-user', TEXTS.citizen);
  item.append(paragraph(document.createTextNode(text)));
  return item;
}

export function errorMessage(text, onRetry) {
  const item = message('msg msg-error', TEXTS.error);
  item.append(paragraph(document.createTextNode(text)));
  const retry = element('button', 'choice retry');
  retry.type = 'button';
  retry.textContent = TEXTS.retry;
  retry.addEventListener('click', () => onRetry(retry));
  item.append(retry);
  return item;
}

/** Marks a group of buttons as used, keeping them focusable so keyboard focus is not lost. */
export function markUsed(pressed) {
  const buttons = pressed.parentElement?.classList.contains('choices') ? pressed.parentElement.querySelectorAll('button') : [pressed];
  for (const button of buttons) button.setAttribute('aria-disabled', 'true');
  pressed.classList.add('chosen');
  pressed.append(visuallyHidden(TEXTS.chosen));
}

export function isUsed(button) {
  return button.getAttribute('aria-disabled') === 'true';
}

function linkified(text) {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING, '');
    fragment.append(text.slice(last, match.index));
    const link = element('a', 'link');
    link.href = url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.textContent = url;
    fragment.append(link);
    last = match.index + url.length;
  }
  fragment.append(text.slice(last));
  return fragment;
}

function message(className, speaker) {
  const item = element('div', className);
  item.append(visuallyHidden(speaker));
  return item;
}

function paragraph(content) {
  const p = element('p', 'msg-text');
  p.append(content);
  return p;
}

function visuallyHidden(text) {
  const span = element('span', 'visually-hidden');
  span.textContent = text;
  return span;
}

function element(tag, className) {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

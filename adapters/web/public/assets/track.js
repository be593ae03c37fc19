// The tracking page: lists the codes this browser was given in the chat as links,
// and moves focus to a lookup's result so a screen reader reads it first.
import { rememberedCodes } from './complaints.js';

const codes = rememberedCodes();
if (codes.length) {
  const list = document.getElementById('remembered-list');
  for (const code of codes) {
    const link = document.createElement('a');
    link.className = 'link';
    link.href = `tra-cuu?ma=${encodeURIComponent(code)}`;
    link.textContent = code;
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
  document.getElementById('remembered').hidden = false;
}

const result = document.getElementById('result');
if (result) {
  result.tabIndex = -1;
  result.focus();
}

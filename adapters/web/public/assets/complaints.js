// The tracking codes this browser was given in the chat, so that the tracking page
// can list them. Kept in localStorage only; when storage is off there is no list.
const KEY = 'motcua.complaints';
const KEPT = 20;
const GIVEN = /Mã phản ánh: (PA-[0-9A-Z]{4}-[0-9A-Z]{2})/g;

/** Remembers every code the bot's `text` hands out, newest first. */
export function rememberCodes(text) {
  const codes = [...text.matchAll(GIVEN)].map((match) => match[1]);
  if (codes.length === 0) return;
  const kept = rememberedCodes().filter((code) => !codes.includes(code));
  try {
    localStorage.setItem(KEY, JSON.stringify([...codes, ...kept].slice(0, KEPT)));
  } catch {
    // Private browsing or blocked storage: the code is still in the chat.
  }
}

export function rememberedCodes() {
  try {
    const codes = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(codes) ? codes.filter((code) => typeof code === 'string' && /^PA-[0-9A-Z]{4}-[0-9A-Z]{2}$/.test(code)) : [];
  } catch {
    return [];
  }
}

// Text put inside HTML (the web pages, the staff inbox, Telegram's HTML mode): the five
// characters that could open a tag or close an attribute, as entities every reader knows.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

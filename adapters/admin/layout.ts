// The page shell every inbox page shares (header, sign-out form, notices), its style
// sheet (served from /admin/admin.css: the pages run no script and no inline style),
// and how dates are written for staff.
import { vietnamTime, vnDate } from '../../src/kernel/vietnam-time.ts';
import { html, type Html } from './html.ts';
import type { PageSession } from './sessions.ts';
import { ADMIN_TEXTS, KNOWLEDGE_TEXTS, QUESTION_TEXTS } from '../../src/texts/staff.ts';

export const STYLESHEET_PATH = '/admin/admin.css';
/** The knowledge pages, in the header of every page. */
export const KNOWLEDGE_PATH = '/admin/tri-thuc';
/** The questions the bot could not answer, in the header too. */
export const QUESTIONS_PATH = '/admin/cau-hoi';

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

/** A time in Vietnam as "DD/MM/YYYY HH:MM". */
export function shownTime(ms: number): string {
  const [date, clock] = vietnamTime(ms).split(' ');
  return `${vnDate(date!)} ${clock}`;
}

export function noticeBox(notice: Notice | undefined): Html {
  if (!notice) return html``;
  // An error is announced at once to screen readers; a confirmation politely.
  return notice.kind === 'error'
    ? html`<p class="notice notice-error" role="alert">${notice.text}</p>`
    : html`<p class="notice notice-ok" role="status">${notice.text}</p>`;
}

export function layout(title: string, session: PageSession | undefined, body: Html): Html {
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title} · ${ADMIN_TEXTS.title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<header class="top">
<a class="brand" href="/admin">${ADMIN_TEXTS.title}</a>
${session ? html`<nav aria-label="${ADMIN_TEXTS.sections}"><a href="/admin">${KNOWLEDGE_TEXTS.complaintsNav}</a><a href="${KNOWLEDGE_PATH}">${KNOWLEDGE_TEXTS.nav}</a><a href="${QUESTIONS_PATH}">${QUESTION_TEXTS.nav}</a></nav>` : ''}
${
  session
    ? html`<form method="post" action="/admin/logout" class="logout">
<input type="hidden" name="csrf" value="${session.csrf}">
<span class="who">${session.name}</span>
<button type="submit">${ADMIN_TEXTS.logout}</button>
</form>`
    : ''
}
</header>
<main>
${body}
</main>
</body>
</html>
`;
}

export const STYLESHEET = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f5f6f8}
a{color:#0b57d0}
.top{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;justify-content:space-between;padding:.75rem 1rem;background:#0b3d91;color:#fff}
.top a.brand{color:#fff;font-weight:600;text-decoration:none}
.logout{display:flex;gap:.5rem;align-items:center;margin:0}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.5rem 0 1rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
button,input,textarea,select{font:inherit}
button{padding:.45rem .9rem;border:1px solid #0b3d91;border-radius:.35rem;background:#0b57d0;color:#fff;cursor:pointer;min-height:2.5rem}
button.secondary{background:#fff;color:#0b3d91}
button.danger{background:#b3261e;border-color:#8c1d18}
.top button{background:transparent;border-color:#fff}
label{display:block;font-weight:600;margin:.5rem 0 .25rem}
label.check{display:flex;gap:.5rem;align-items:flex-start;font-weight:normal}
input[type=text],input[type=password],textarea{width:100%;padding:.5rem;border:1px solid #9aa4b2;border-radius:.35rem;background:#fff}
textarea{min-height:7rem}
.notice{padding:.75rem 1rem;border-radius:.35rem;margin:0 0 1rem}
.notice-ok{background:#e6f4ea;border:1px solid #34a853}
.notice-error{background:#fce8e6;border:1px solid #d93025}
.login{max-width:24rem;margin:2rem auto;background:#fff;padding:1.5rem;border-radius:.5rem;box-shadow:0 1px 3px #0002}
.login button{margin-top:1rem;width:100%}
.filters{display:flex;flex-wrap:wrap;gap:.4rem;padding:0;margin:0 0 1rem;list-style:none}
.filters a{display:inline-block;padding:.3rem .7rem;border:1px solid #9aa4b2;border-radius:1rem;background:#fff;text-decoration:none}
.filters a[aria-current=page]{background:#0b3d91;border-color:#0b3d91;color:#fff}
.exports{margin:0 0 1rem}
table{width:100%;border-collapse:collapse;background:#fff}
caption{text-align:left;font-weight:600;padding:.5rem 0}
th,td{padding:.5rem;border-bottom:1px solid #dde1e6;text-align:left;vertical-align:top}
.flag{display:inline-block;padding:0 .45rem;margin:0 .25rem .25rem 0;border-radius:.3rem;font-size:.85rem;font-weight:600}
.flag-overdue{background:#fef7e0;color:#8a4b00;border:1px solid #f9ab00}
.flag-failed{background:#fce8e6;color:#a50e0e;border:1px solid #d93025}
.status{font-weight:600}
dl.facts{display:grid;grid-template-columns:minmax(9rem,14rem) 1fr;gap:.4rem 1rem;background:#fff;padding:1rem;border-radius:.5rem;margin:0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
pre.reply{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;padding:1rem;border-radius:.5rem;font:inherit}
.top nav a{color:#fff;margin-right:1rem}
.actions{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}
.actions form{background:#fff;padding:1rem;border-radius:.5rem;margin:0}
.actions form button{margin-top:.5rem}
ul.plain{list-style:none;padding:0;margin:0;background:#fff;border-radius:.5rem}
ul.plain li{padding:.5rem 1rem;border-bottom:1px solid #dde1e6}
.hint{margin:0 0 .25rem;color:#4a5562;font-size:.9rem}
input[type=text]:focus,textarea:focus,select:focus,button:focus,a:focus{outline:3px solid #f9ab00;outline-offset:1px}
[aria-invalid=true]{border-color:#d93025;border-width:2px}
form.edit{background:#fff;padding:1rem;border-radius:.5rem}
.form-end{margin-top:1rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
a.button{display:inline-block;padding:.45rem .9rem;border-radius:.35rem;background:#0b57d0;color:#fff;text-decoration:none}
section.group{background:#fff;padding:1rem;border-radius:.5rem;margin:0 0 1rem}
section.group h2{margin-top:0}
section.group fieldset{border:1px solid #dde1e6;border-radius:.35rem;margin:.5rem 0}
section.group select{width:100%;padding:.45rem;max-width:100%}
form.inline{margin-top:.5rem}
.why{color:#4a5562;margin:0 0 .5rem}
details summary{cursor:pointer}
@media (max-width:40rem){
  thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  table,caption,tbody,tr,td{display:block;width:100%}
  tr{margin:0 0 .75rem;border:1px solid #dde1e6;border-radius:.5rem;background:#fff}
  td{border:0;padding:.25rem .75rem}
  td[data-label]::before{content:attr(data-label) ": ";font-weight:600}
  dl.facts{grid-template-columns:1fr}
  dl.facts dd{margin-bottom:.5rem}
}
`;

// The sign-in form.
import { html, type Html } from './html.ts';
import { layout, noticeBox, type Notice } from './layout.ts';
import { ADMIN_TEXTS } from '../../src/texts/staff.ts';

/** The form, with the CSRF token it must carry back (`reply.generateCsrf()`). */
export function loginPage(notice: Notice | undefined, csrf: string, name = ''): Html {
  return layout(
    ADMIN_TEXTS.loginTitle,
    undefined,
    html`<form class="login" method="post" action="/admin/login">
<h1>${ADMIN_TEXTS.loginTitle}</h1>
${noticeBox(notice)}
<input type="hidden" name="csrf" value="${csrf}">
<label for="name">${ADMIN_TEXTS.userName}</label>
<input type="text" id="name" name="name" value="${name}" autocomplete="username" autocapitalize="none" spellcheck="false" required>
<label for="password">${ADMIN_TEXTS.password}</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit">${ADMIN_TEXTS.login}</button>
</form>`,
  );
}

// Signing in to a running server's /admin over HTTP as a browser does: the sign-in page
// first, for its form token and CSRF cookie, then the form with both.
export async function signInOverHttp(url: string, name: string, password: string): Promise<Response> {
  const page = await fetch(`${url}/admin/login`);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!csrf) throw new Error(`the sign-in page (${page.status}) has no form token`);
  return fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') },
    body: new URLSearchParams({ csrf, name, password }),
    redirect: 'manual',
  });
}

// The "Tra cứu phản ánh" page, rendered on the server so that it works without
// script on any phone: a form for the code and, once one was typed, what the
// citizen may see of their complaint. Every value is escaped (html``).
import type { TrackingResult } from '../../src/dialogue/tracking.ts';
import { trackingFields } from '../../src/dialogue/tracking.ts';
import { COMPLAINT_TEXTS, TRACK_TEXTS } from '../../src/texts/citizens.ts';
import { html, type Html } from '../admin/html.ts';

/** What the page shows under the form: nothing yet, a lookup's result, or the rate limit. */
export type TrackOutcome = TrackingResult | { kind: 'too_many' } | undefined;

export interface TrackPageOptions {
  title: string;
  /** The assets' version, as in /assets/<version>/<name>. */
  version: string;
  /** What was typed into the form, shown in it again. */
  typed: string;
  outcome: TrackOutcome;
}

export function trackPage({ title, version, typed, outcome }: TrackPageOptions): string {
  const asset = (name: string) => `assets/${version}/${name}`;
  return html`<!doctype html>
<html lang="vi">
${pageHead(title, asset)}
<body>
  <div class="track">
    <header class="chat-header">
      <img class="chat-logo" src="${asset('icon.svg')}" alt="" width="36" height="36">
      <div class="chat-heading">
        <h1>${TRACK_TEXTS.heading}</h1>
        <p>${title}</p>
      </div>
    </header>
    <main class="track-body">
      <form class="track-form" method="get" action="tra-cuu" role="search">
        <label for="ma">${TRACK_TEXTS.codeLabel}</label>
        <p class="track-hint" id="ma-hint">${TRACK_TEXTS.codeHint}</p>
        <div class="track-row">
          <input id="ma" name="ma" type="text" value="${typed}" maxlength="40" required autocomplete="off" autocapitalize="characters" spellcheck="false" enterkeyhint="search" aria-describedby="ma-hint">
          <button type="submit" class="chat-send">${TRACK_TEXTS.submit}</button>
        </div>
      </form>
      ${outcome ? result(outcome) : ''}
      <section class="track-remembered" id="remembered" hidden aria-labelledby="remembered-heading">
        <h2 id="remembered-heading">${TRACK_TEXTS.remembered}</h2>
        <ul id="remembered-list"></ul>
      </section>
      <p><a class="link" href="./">${TRACK_TEXTS.backToChat}</a></p>
    </main>
  </div>
</body>
</html>
`.value;
}

function pageHead(title: string, asset: (name: string) => string): Html {
  return html`<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
  <meta name="color-scheme" content="light">
  <meta name="theme-color" content="#0b4f8a">
  <meta name="robots" content="noindex">
  <title>${TRACK_TEXTS.heading} · ${title}</title>
  <link rel="icon" href="${asset('icon.svg')}" type="image/svg+xml">
  <link rel="stylesheet" href="${asset('chat.css')}">
  <link rel="stylesheet" href="${asset('track.css')}">
  <script type="module" src="${asset('track.js')}"></script>
</head>`;
}

function result(outcome: NonNullable<TrackOutcome>): Html {
  switch (outcome.kind) {
    case 'found': {
      const { view } = outcome;
      return html`<section class="track-result" id="result" aria-labelledby="result-heading">
        <h2 id="result-heading">${COMPLAINT_TEXTS.trackHeading(view.code)}</h2>
        <dl>${trackingFields(view).map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>
        ${view.overdue ? html`<p class="track-note">${COMPLAINT_TEXTS.overdue}</p>` : ''}
        ${view.erased ? html`<p class="track-note">${COMPLAINT_TEXTS.erased}</p>` : ''}
      </section>`;
    }
    case 'mistyped':
      return problem(COMPLAINT_TEXTS.mistypedCode(outcome.typed));
    case 'unknown':
      return problem(COMPLAINT_TEXTS.unknownCode(outcome.code));
    case 'too_many':
      return problem(TRACK_TEXTS.tooMany);
  }
}

function problem(text: string): Html {
  return html`<p class="msg msg-error track-problem" id="result" role="alert">${text}</p>`;
}

// The portal widget: <script src="https://<bot>/widget.js" defer></script> adds a
// floating "Hỏi đáp thủ tục" button that opens the chat in an iframe. Everything
// lives in a shadow root so the portal's styles and ours cannot clash, and the
// only global it leaves is window.MotcuaWidget.
(function () {
  'use strict';
  if (window.MotcuaWidget) return; // pasted twice: one button is enough

  var script = document.currentScript || document.querySelector('script[src$="/widget.js"]');
  // The chat lives next to this script, whatever page the portal embeds it on.
  var chatUrl = new URL('./?embed=1', script.src);
  // The words, from the citizens' catalogue: the server writes them here when it starts (static-files.ts).
  var TEXTS = /*{{texts}}*/ null;

  var STYLE = [
    ':host { all: initial; }',
    '* { box-sizing: border-box; }',
    '[hidden] { display: none !important; }',
    '.launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; display: flex; align-items: center; gap: 8px;',
    '  min-height: 48px; padding: 0 20px 0 16px; border: 2px solid #fff; border-radius: 24px; background: #0b4f8a; color: #fff;',
    '  font: 600 16px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; cursor: pointer;',
    '  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.3); }',
    '.launcher:hover { background: #093f6e; }',
    '.launcher:focus-visible, .panel:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }',
    '.panel { position: fixed; right: 20px; bottom: 84px; z-index: 2147483000; width: 400px; height: min(680px, calc(100vh - 104px));',
    '  border-radius: 16px; overflow: hidden; background: #f3f5f8; box-shadow: 0 8px 32px rgba(0, 0, 0, 0.35); }',
    '.panel iframe { display: block; width: 100%; height: 100%; border: 0; }',
    // On a phone the chat takes the whole screen; its own close button and Escape bring the button back.
    '@media (max-width: 520px) {',
    '  .panel { inset: 0; width: auto; height: auto; border-radius: 0; }',
    '  .open .launcher { display: none; }',
    '}',
  ].join('\n');

  var host = document.createElement('div');
  host.id = 'motcua-widget';
  var root = host.attachShadow({ mode: 'open' });
  var wrapper = document.createElement('div');
  var style = document.createElement('style');
  style.textContent = STYLE;

  var launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'motcua-panel');
  launcher.appendChild(bubbleIcon());
  launcher.appendChild(document.createTextNode(TEXTS.launcher));

  var panel = document.createElement('div');
  panel.id = 'motcua-panel';
  panel.className = 'panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', TEXTS.panel);
  var iframe = null;

  function open() {
    if (!iframe) {
      // Created on first open, so portal pages that never use the chat load nothing more.
      iframe = document.createElement('iframe');
      iframe.src = chatUrl.href;
      iframe.title = TEXTS.frame;
      panel.appendChild(iframe);
    }
    panel.hidden = false;
    wrapper.className = 'open';
    launcher.setAttribute('aria-expanded', 'true');
    iframe.focus();
  }

  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    wrapper.className = '';
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', function () {
    if (panel.hidden) open();
    else close();
  });
  // Escape on the portal page; inside the iframe the chat page posts 'motcua:close' instead.
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') close();
  });
  window.addEventListener('message', function (event) {
    if (iframe && event.source === iframe.contentWindow && event.origin === chatUrl.origin && event.data && event.data.type === 'motcua:close') close();
  });

  // The button comes first so Shift+Tab from the chat leads back to it.
  wrapper.appendChild(launcher);
  wrapper.appendChild(panel);
  root.appendChild(style);
  root.appendChild(wrapper);
  // Pasted in <head> without defer, the body does not exist yet.
  if (document.body) document.body.appendChild(host);
  else document.addEventListener('DOMContentLoaded', function () { document.body.appendChild(host); });

  // Built node by node: some portals forbid innerHTML through Trusted Types.
  function bubbleIcon() {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '22');
    svg.setAttribute('height', '22');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z');
    path.setAttribute('fill', 'currentColor');
    svg.appendChild(path);
    return svg;
  }

  window.MotcuaWidget = { open: open, close: close };
})();

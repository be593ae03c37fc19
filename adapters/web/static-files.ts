// The chat page, the widget script and the page's assets. The files are sent by
// @fastify/static with validators, so a browser on a slow mobile connection fetches
// each only once per version; the page and the widget are templates filled once at
// start-up (their words from the citizens' catalogue, and the page's assets' version,
// which changes whenever any asset does, so that the page can link them under a path
// cached for good).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CHAT_PAGE_TEXTS, CHAT_SCRIPT_TEXTS, WIDGET_TEXTS } from '../../src/texts/citizens.ts';
import { escapeHtml } from '../shared/escape-html.ts';

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

/** A file of public/ filled in once at start-up, sent from memory with its own validator. */
export interface FilledFile {
  body: Buffer;
  etag: string;
}

export interface ChatPage extends FilledFile {
  /** The assets' version, as in /assets/<version>/<name>. */
  version: string;
}

/** Lets the plugin's routes send the files of public/ (reply.sendFile). */
export async function servePublicFiles(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: PUBLIC_DIR, serve: false });
  // JavaScript is text/javascript (RFC 9239); the MIME table @fastify/static uses still says application/.
  app.addHook('onSend', async (_request, reply) => {
    if (String(reply.getHeader('content-type')).startsWith('application/javascript')) reply.header('content-type', 'text/javascript; charset=utf-8');
  });
}

function filled(text: string): FilledFile {
  const body = Buffer.from(text);
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/** JSON inside a <script> block: "<" escaped so that no text can close the block. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

/** The chat page with its words (the citizens' catalogue, `title` as configured) and the assets' version. */
export async function loadChatPage(title: string): Promise<ChatPage> {
  const assetsDir = join(PUBLIC_DIR, 'assets');
  const hash = createHash('sha256');
  for (const name of (await readdir(assetsDir)).sort()) hash.update(name).update(await readFile(join(assetsDir, name)));
  const version = hash.digest('base64url').slice(0, 12);
  const words: Record<string, string> = { ...CHAT_PAGE_TEXTS, title, version };
  const template = await readFile(join(PUBLIC_DIR, 'index.html'), 'utf8');
  const page = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => (name === 'texts' ? scriptJson(CHAT_SCRIPT_TEXTS) : escapeHtml(words[name] ?? '')));
  return { ...filled(page), version };
}

/** The widget script with its words. */
export async function loadWidget(): Promise<FilledFile> {
  const script = await readFile(join(PUBLIC_DIR, 'widget.js'), 'utf8');
  return filled(script.replace('/*{{texts}}*/ null', JSON.stringify(WIDGET_TEXTS)));
}

/** Sends a filled file, or 304 when the browser already holds this very content. */
export function sendFilled(request: FastifyRequest, reply: FastifyReply, file: FilledFile, type: string, cacheControl: string): FastifyReply {
  reply.type(type).header('cache-control', cacheControl).header('etag', file.etag);
  const known = request.headers['if-none-match']?.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (known?.includes(file.etag) || known?.includes('*')) return reply.code(304).send();
  return reply.send(file.body);
}

// The chat page, the widget script and the page's assets, read once at startup
// (they are small and change only with a deploy) and sent with validators, so a
// browser on a slow mobile connection fetches each of them only once per version.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { escapeHtml } from '../shared/escape-html.ts';

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
}

export interface PublicFiles {
  page: StaticFile;
  widget: StaticFile;
  /** By file name, as in /assets/<version>/<name>. */
  assets: Map<string, StaticFile>;
  /** Changes whenever any asset does; the page links assets under it so they can be cached for good. */
  version: string;
}

export async function loadPublicFiles(title: string): Promise<PublicFiles> {
  const assetsDir = join(PUBLIC_DIR, 'assets');
  const assets = new Map<string, StaticFile>();
  for (const name of (await readdir(assetsDir)).sort()) {
    assets.set(name, staticFile(name, await readFile(join(assetsDir, name))));
  }
  const version = digest(Buffer.concat([...assets.values()].map((a) => Buffer.from(a.etag)))).slice(0, 12);
  const template = await readFile(join(PUBLIC_DIR, 'index.html'), 'utf8');
  const page = template.replaceAll('{{title}}', escapeHtml(title)).replaceAll('{{version}}', version);
  return {
    page: staticFile('index.html', Buffer.from(page)),
    widget: staticFile('widget.js', await readFile(join(PUBLIC_DIR, 'widget.js'))),
    assets,
    version,
  };
}

/** Sends `file`, or 304 when the browser already holds this very content. */
export function sendFile(request: FastifyRequest, reply: FastifyReply, file: StaticFile, cacheControl: string): FastifyReply {
  reply.header('content-type', file.type).header('cache-control', cacheControl).header('etag', file.etag).header('x-content-type-options', 'nosniff');
  const known = request.headers['if-none-match']?.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (known?.includes(file.etag) || known?.includes('*')) return reply.code(304).send();
  return reply.send(file.body);
}

function staticFile(name: string, body: Buffer): StaticFile {
  const type = CONTENT_TYPES[extname(name)];
  // Fail at startup rather than serve a file the browser may refuse or misread.
  if (!type) throw new Error(`web chat: no content type for public file ${name}`);
  return { body, type, etag: `"${digest(body).slice(0, 27)}"` };
}

function digest(data: Buffer): string {
  return createHash('sha256').update(data).digest('base64url');
}

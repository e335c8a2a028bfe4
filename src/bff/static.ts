// Serves the built SPA. Hashed files under assets/ never change, so browsers may keep them for a
// year; index.html (and other unhashed files) are revalidated every time so a deploy shows at once.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BffError } from './errors';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

export async function registerStatic(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: path.resolve(root),
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    cacheControl: false, // set below, per file kind
    dotfiles: 'ignore',
    redirect: false,
    setHeaders(reply, filePath) {
      const rel = path.relative(path.resolve(root), filePath).split(path.sep).join('/');
      reply.header('cache-control', rel.startsWith('assets/') ? IMMUTABLE : 'no-cache');
    },
  });
}

/** SPA fallback: a browser navigation to an unknown page gets index.html so the router can take over. */
export function wantsSpaFallback(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}

export function sendIndex(reply: FastifyReply, root: string): FastifyReply {
  // Checked per request (a stat) so a build made while the server runs is picked up, and a
  // missing build gives a clear answer instead of a not-found loop inside @fastify/static.
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new BffError('BFF.0014', 'The console is not built: run `npm run build`');
  }
  reply.header('cache-control', 'no-cache');
  return reply.sendFile('index.html');
}

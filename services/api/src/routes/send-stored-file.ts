import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';

/**
 * A stored upload (a dossier file, a document of the citizen's store) as a download with nosniff,
 * so a stored file can never run as a page of this origin; its ETag is its SHA-256.
 */
export function sendStoredFile(c: Context<AppEnv>, file: { bytes: Uint8Array; fileName: string; contentType: string; sha256: string }) {
  return c.body(new Uint8Array(file.bytes), 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    ETag: `"${file.sha256}"`,
  });
}

import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../app-env.js';

/**
 * The built web app loads only its own hashed scripts and styles, talks only to this origin and
 * draws QR codes as inline SVG, so everything but images (data: URLs) stays 'self'. No page may
 * be framed (clickjacking of officer actions). Swagger UI at /api/docs sets styles inline, so its
 * pages alone allow inline styles. HSTS only when the platform is served over https: sent over
 * plain http it would be ignored at best and, on a shared host name, lock out other services.
 */
function policy(extraStyle: string[]) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", ...extraStyle],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

export function securityHeaders(opts: { https: boolean }): MiddlewareHandler<AppEnv> {
  const common = {
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: opts.https ? 'max-age=31536000; includeSubDomains' : false,
    crossOriginEmbedderPolicy: false,
  } as const;
  const app = secureHeaders({ ...common, contentSecurityPolicy: policy([]) });
  const docs = secureHeaders({ ...common, contentSecurityPolicy: policy(["'unsafe-inline'"]) });
  return (c, next) => (c.req.path.startsWith('/api/docs') ? docs(c, next) : app(c, next));
}

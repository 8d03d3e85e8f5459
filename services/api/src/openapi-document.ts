import type { Context, Hono } from 'hono';
import { generateSpecs, resolver } from 'hono-openapi';
import type { AppEnv } from './app-env.js';
import { Problem } from './routes/answer.js';
import { SESSION_COOKIE } from './middleware/service-context.js';

const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);
const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

type Operation = { responses?: Record<string, { description?: string; content?: unknown }>; security?: unknown[] };

/**
 * The OpenAPI 3.1 document of the API, generated from the routes' valibot schemas, with what
 * every operation shares added in one place: the problem+json body of each refusal (declared
 * codes, the validation 400 and a `default`), and the security each needs: the session cookie,
 * plus the CSRF header for a write. An operation anyone may call says so itself (`anyone`).
 */
export async function openApiDocument(app: Hono<AppEnv>, c: Context<AppEnv>) {
  const doc = await generateSpecs(
    app,
    {
      exclude: [/^\/api\/docs/, '/api/openapi.json', /^\/api\/\*$/, '/*', /^\/assets/],
      defaultValidationErrorResponse: { description: 'Invalid input: `errors` names each field and what is wrong with it' },
      documentation: {
        openapi: '3.1.0',
        info: {
          title: 'Hệ thống một cửa điện tử — API',
          version: '0.1.0',
          description: 'National multi-tenant platform for administrative procedures.',
          license: { name: 'Proprietary: for the agencies operating the platform' },
        },
        servers: [{ url: '/', description: 'This server' }],
        security: [{ session: [] }],
      },
    },
    c,
  );
  const { schema: problem } = await resolver(Problem).toOpenAPISchema();
  doc.components = {
    ...doc.components,
    schemas: { ...doc.components?.schemas, Problem: problem },
    securitySchemes: {
      session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by sign-in (httpOnly); the API reads no other credential' },
      csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'The token sign-in and /api/auth/me answer, sent back on every write' },
    },
  };
  for (const item of Object.values(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      const responses = (operation.responses ??= {});
      for (const [code, response] of Object.entries(responses)) if (Number(code) >= 400 && !response.content) response.content = problemContent;
      responses.default ??= { description: 'A refusal, as RFC 9457 problem+json', content: problemContent };
      if (operation.security === undefined && UNSAFE.has(method)) operation.security = [{ session: [], csrf: [] }];
    }
  }
  return doc;
}

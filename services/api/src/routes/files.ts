import { getDossierFile } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { dossierDeps, type ApiDeps, type AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { sendStoredFile } from './send-stored-file.js';

const Id = v.pipe(v.string(), v.uuid('Mã định danh không hợp lệ'));
const FileParam = v.object({ tenantId: Id, dossierId: Id, fileId: Id });

/**
 * Attachment download, scoped to the province and checked against the dossier's read rule.
 * Served as a download with nosniff, so a stored file can never run as a page of this origin.
 */
export function fileRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>().get(
    '/:tenantId/dossiers/:dossierId/files/:fileId',
    describeRoute({
      tags: ['dossiers'],
      summary: 'Download an attachment of a dossier the actor may read',
      responses: {
        200: {
          description: 'The file as stored, as a download (its own media type; ETag is its SHA-256)',
          content: { 'application/octet-stream': { schema: { type: 'string' as const, format: 'binary' } } },
        },
      },
    }),
    validate('param', FileParam),
    async (c) => {
      const { tenantId, dossierId, fileId } = c.req.valid('param');
      const file = await getDossierFile({
        ctx: c.get('ctx'),
        tenantId,
        input: { dossierId, fileId },
        files: dossierDeps(deps).files,
        archiveFiles: dossierDeps(deps).archiveFiles,
      });
      return sendStoredFile(c, file);
    },
  );
}

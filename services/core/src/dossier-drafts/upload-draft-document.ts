import { schema, withTenantAsUser } from '@gov/db';
import { invalid } from '@gov/domain';
import * as v from 'valibot';
import { audit } from '../audit.js';
import { loadProcedure, rowToRecord } from '../catalog/procedure-row.js';
import type { ServiceContext } from '../context.js';
import type { FileStore } from '../files/file-store.js';
import { checkUpload } from '../files/file-types.js';
import { parseInput } from '../parse-input.js';
import { DraftRef } from './draft-input.js';
import { assertDraftOwner, findOwnDraft } from './draft-owner.js';

export const DraftUpload = v.object({ componentCode: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{1,40}$/, 'Mã thành phần hồ sơ không hợp lệ')) });

/**
 * A file chosen for a draft goes into the citizen's data store (kind `uploaded`, in the draft's
 * province folder), so a draft names only stored documents and its submission is the intake's
 * reuse path, with no second upload path (docs/domain/dossier-drafts.md). The draft itself is
 * not changed: the client names the document in its next save. The bytes are written once every
 * check has passed, inside the transaction, just before the row.
 */
export async function uploadDraftDocument(args: {
  ctx: ServiceContext;
  ref: DraftRef;
  input: v.InferInput<typeof DraftUpload>;
  file: { fileName: string; bytes: Uint8Array };
  files: FileStore;
}) {
  const userId = assertDraftOwner(args.ctx);
  const { draftId } = parseInput(DraftRef, args.ref);
  const { componentCode } = parseInput(DraftUpload, args.input);
  const draft = await findOwnDraft(args.ctx, userId, draftId);
  const contentType = await checkUpload(args.file.fileName, args.file.bytes);
  const { tenantId } = draft;
  return withTenantAsUser(args.ctx.sql, tenantId, userId, async (tx) => {
    const procedure = rowToRecord(await loadProcedure(tx, draft.procedureCode));
    const component = procedure.cases.flatMap((c) => c.components).find((c) => c.code === componentCode);
    if (!component)
      throw invalid({
        vi: `Thành phần "${componentCode}" không thuộc thủ tục ${draft.procedureCode}.`,
        en: `Component "${componentCode}" is not part of procedure ${draft.procedureCode}.`,
      });
    const stored = await args.files.put(tenantId, args.file.bytes);
    const c = schema.citizenDocuments;
    const [row] = await tx
      .insert(c)
      .values({ tenantId, ownerUserId: userId, componentName: component.name, fileName: args.file.fileName, contentType, kind: 'uploaded', ...stored })
      .returning({
        id: c.id,
        tenantId: c.tenantId,
        fileName: c.fileName,
        contentType: c.contentType,
        sizeBytes: c.sizeBytes,
        sha256: c.sha256,
        createdAt: c.createdAt,
      });
    await audit(tx, args.ctx, {
      tenantId,
      action: 'citizen_document.uploaded',
      subjectType: 'citizen_document',
      subjectId: row!.id,
      details: { draftId, componentCode, sizeBytes: stored.sizeBytes },
    });
    return { ...row!, componentCode, componentName: component.name, kind: 'uploaded' as const };
  });
}

import { subject as tag } from '@casl/ability';
import { withTenant } from '@gov/db';
import { conflict, forbidden, invalid } from '@gov/domain';
import * as v from 'valibot';
import { audit } from '../audit.js';
import { keepResultFiles } from '../citizen-documents/keep-in-store.js';
import { assertCan, assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { loadReadableDossierWithUnits } from '../dossiers/load-dossier.js';
import type { Attachment } from '../dossiers/submit-input.js';
import { atUnit } from '../org-units/load-unit.js';
import { parseInput } from '../parse-input.js';
import type { FileStore } from './file-store.js';
import { checkUpload } from './file-types.js';
import { FileField, FilePurpose } from './file-purpose.js';
import { insertFilesOnce } from './insert-files-once.js';

export const AttachDossierFiles = v.object({ dossierId: v.pipe(v.string(), v.uuid()), purpose: FilePurpose });
export type AttachDossierFiles = v.InferInput<typeof AttachDossierFiles>;

const RESULT_WORK = ['approve', 'return_result'] as const;
/** Refused at intake, withdrawn, stopped: nothing more is filed on a closed dossier. */
const CLOSED = [3, 7, 8];

/** First line: the applicant (checked on the row), or an officer who approves or returns results here. */
function assertMayAttach(ctx: ServiceContext, tenantId: string): void {
  if (ctx.actor?.kind === 'citizen') return assertCan(ctx, 'create', 'Dossier', { applicantUserId: ctx.actor.userId });
  const works = RESULT_WORK.some((action) =>
    ctx.ability.rulesFor(action, 'Dossier').some((r) => !r.inverted && (r.conditions as { tenantId?: string } | undefined)?.tenantId === tenantId),
  );
  if (!works) assertCanInTenant(ctx, 'return_result', 'Dossier', tenantId);
}

/**
 * Attaches files to an existing dossier: the applicant's supplement (only while a supplement is
 * requested) or the result document (only an officer who may approve or return results at the
 * unit that received or holds the dossier). Same type, structure, size and hashing as intake;
 * bytes go to the tenant's own folder once the checks pass (content-addressed, so a failed commit
 * leaves only a harmless orphan), rows and the audit entry in one tenant transaction. Idempotent by content:
 * a file already attached for the same purpose and field comes back with `alreadyAttached`.
 */
export async function attachDossierFiles(args: {
  ctx: ServiceContext;
  tenantId: string;
  input: AttachDossierFiles;
  attachments: Attachment[];
  files: FileStore;
}) {
  const { ctx, tenantId } = args;
  assertMayAttach(ctx, tenantId);
  const { dossierId, purpose } = parseInput(AttachDossierFiles, args.input);
  const checked = await Promise.all(
    args.attachments.map(async (a) => ({
      field: parseInput(FileField, a.componentCode),
      fileName: a.fileName,
      contentType: await checkUpload(a.fileName, a.bytes),
      bytes: a.bytes,
    })),
  );
  const stored = checked.map((a) => ({ componentCode: a.field, fileName: a.fileName, contentType: a.contentType, ...args.files.keyOf(tenantId, a.bytes) }));
  const actor = ctx.actor!;
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const { row, units } = await loadReadableDossierWithUnits(tx, ctx, tenantId, dossierId);
    if (purpose === 'supplement') {
      if (actor.kind !== 'citizen' || row.applicantUserId !== actor.userId)
        throw forbidden({ vi: 'Chỉ người nộp hồ sơ được nộp bổ sung.', en: 'Only the applicant may submit a supplement.' });
      if (row.nationalStatus !== 5) throw conflict({ vi: 'Hồ sơ không có yêu cầu bổ sung.', en: 'No supplement was requested for this dossier.' });
    } else {
      const at = (path: string[]): Record<string, unknown> => atUnit(tenantId, path);
      const mayReturn = units.some((unit) => RESULT_WORK.some((action) => ctx.ability.can(action, tag('Dossier', at(unit.path)))));
      if (actor.kind === 'citizen' || !mayReturn)
        throw forbidden({
          vi: 'Chỉ cán bộ phê duyệt hoặc trả kết quả của đơn vị được đính kèm kết quả.',
          en: 'Only an officer who approves or returns results at this unit may attach the result.',
        });
      if (CLOSED.includes(row.nationalStatus))
        throw conflict({ vi: 'Hồ sơ đã kết thúc (từ chối, rút hoặc dừng xử lý).', en: 'The dossier is closed (refused, withdrawn or stopped).' });
    }
    if (stored.length === 0) throw invalid({ vi: 'Chưa chọn tệp nào để gửi.', en: 'No file was sent.' });
    // Bytes are written only once every check has passed, so a refusal leaves nothing on disk.
    await Promise.all(checked.map((a) => args.files.put(tenantId, a.bytes)));
    const rows = await insertFilesOnce(tx, { tenantId, dossierId, purpose, uploadedBy: actor.userId, files: stored });
    const added = rows.filter((r) => !r.alreadyAttached);
    if (purpose === 'result' && row.applicantUserId)
      await keepResultFiles(tx, { tenantId, ownerUserId: row.applicantUserId, dossier: { dossierId, code: row.code }, files: added, keys: stored });
    // A retry that adds nothing changed nothing, so it leaves no audit entry either.
    if (added.length > 0)
      await audit(tx, ctx, {
        tenantId,
        action: `dossier.${purpose}_files_attached`,
        subjectType: 'dossier',
        subjectId: dossierId,
        details: {
          purpose,
          files: added.map((r) => ({ id: r.id, componentCode: r.componentCode, fileName: r.fileName, sha256: r.sha256, sizeBytes: r.sizeBytes })),
        },
      });
    return { purpose, files: rows.map((r) => ({ ...r, path: `/api/tenants/${tenantId}/dossiers/${dossierId}/files/${r.id}` })) };
  });
}

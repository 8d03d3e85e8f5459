import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { DraftRef } from './draft-input.js';
import { assertDraftOwner, draftView, findOwnDraft } from './draft-owner.js';

/** One open draft, to resume it. */
export async function getMyDraft({ ctx, ref }: { ctx: ServiceContext; ref: DraftRef }) {
  const userId = assertDraftOwner(ctx);
  const { draftId } = parseInput(DraftRef, ref);
  return draftView(await findOwnDraft(ctx, userId, draftId));
}

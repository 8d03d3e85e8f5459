import type { FormField } from '@gov/domain';
import { answer, api, basedOn } from '../../api.js';
import { declaredValues } from '../../components/declared-fields.js';
import { reusedDocuments } from './component-files.js';
import { formText, type Component } from './portal-api.js';

/** Which saved draft the form is, and the revision it was last saved at (its If-Match). */
export interface DraftRef {
  id: string;
  revision: number;
}

/** The draft's fields as the form holds them; empty fields are left out (a draft may be half filled). */
export function draftForm(data: FormData, caseCode: string | undefined, fields: readonly FormField[]) {
  const text = (name: string) => formText(data, name) || undefined;
  const formData = declaredValues(data, fields);
  return {
    caseCode,
    receivingUnitId: text('receivingUnitId'),
    applicant: { fullName: text('fullName'), citizenId: text('citizenId'), phone: text('phone'), email: text('email') },
    note: text('note'),
    formData: Object.keys(formData).length > 0 ? formData : undefined,
  };
}

/**
 * Saves the form as the citizen's draft (docs/domain/dossier-drafts.md): the first save creates
 * it; each file chosen in the form is uploaded into the citizen's store for it, and the draft then
 * names the stored documents per component. Later saves send the revision they start from, so a
 * save from another tab or device in between is refused (412), never overwritten.
 */
export async function saveDraft(args: {
  form: HTMLFormElement;
  tenantId: string;
  procedureCode: string;
  caseCode: string | undefined;
  components: readonly Component[];
  /** The fields the procedure's forms declare. */
  formFields: readonly FormField[];
  draft: DraftRef | null;
  /** Called as soon as a new draft exists, so a failure later (an upload) does not create a second one. */
  onCreated: (draft: DraftRef) => void;
}): Promise<{ draft: DraftRef; documents: Record<string, string[]> }> {
  const data = new FormData(args.form);
  const form = draftForm(data, args.caseCode, args.formFields);
  const reused = reusedDocuments(data, args.components) ?? {};
  let draft = args.draft;
  const created = !draft;
  if (!draft) {
    const saved = await answer(api.me.drafts.$post({ json: { tenantId: args.tenantId, procedureCode: args.procedureCode, form, documents: reused } }));
    draft = { id: saved.id, revision: saved.revision };
    args.onCreated(draft);
  }
  const uploaded: Record<string, string[]> = {};
  for (const component of args.components) {
    for (const file of data.getAll(`file-${component.code}`)) {
      if (!(file instanceof File) || file.size === 0) continue;
      const body = new FormData();
      body.set('componentCode', component.code);
      body.set('file', file, file.name);
      const stored = await answer(api.me.drafts[':draftId'].documents.$post({ param: { draftId: draft.id } }, { init: { body } }));
      (uploaded[component.code] ??= []).push(stored.id);
    }
  }
  const documents = { ...reused, ...uploaded };
  if (created && Object.keys(uploaded).length === 0) return { draft, documents };
  const saved = await answer(api.me.drafts[':draftId'].$put({ param: { draftId: draft.id }, json: { form, documents } }, { headers: basedOn(draft.revision) }));
  return { draft: { id: saved.id, revision: saved.revision }, documents };
}

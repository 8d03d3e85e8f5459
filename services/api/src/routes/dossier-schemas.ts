import { Channel, ChannelTime, DossierComponent, ProcedureCase, ProcedureCode } from '@gov/domain';
import * as v from 'valibot';

// What the dossier routes answer, declared once for the OpenAPI document and checked against the
// handlers' results at compile time (see answer.ts).

const Uuid = v.pipe(v.string(), v.uuid());

/** Counter intake: what the officer may receive, where, and which papers each case needs. */
export const IntakeProcedures = v.object({
  items: v.array(
    v.object({
      code: ProcedureCode,
      name: v.string(),
      channels: v.array(Channel),
      processingTime: v.array(ChannelTime),
      cases: v.array(
        v.object({
          code: ProcedureCase.entries.code,
          name: v.string(),
          components: v.array(v.pick(DossierComponent, ['code', 'name', 'originals', 'copies', 'required'])),
        }),
      ),
      receivingUnits: v.array(v.object({ id: Uuid, name: v.string() })),
    }),
  ),
});

import * as v from 'valibot';

const Uuid = v.pipe(v.string(), v.uuid());

/** The national portal's dead-letter list of a province (docs/domain/national-portal-sync.md). */
export const PortalDeadLetters = v.object({
  items: v.array(
    v.object({
      id: Uuid,
      dossierId: Uuid,
      dossierCode: v.string(),
      seq: v.pipe(v.number(), v.description('Position among the dossier’s records, from 1')),
      nationalStatus: v.pipe(v.number(), v.description('The status code 1–10 this record carries')),
      attempts: v.number(),
      lastError: v.pipe(v.nullable(v.string()), v.description('The portal’s error code and message, or the transport’s error')),
      createdAt: v.string(),
      deadAt: v.string(),
      changedAt: v.pipe(v.string(), v.description('When the dossier changed')),
      heldBehind: v.pipe(v.number(), v.description('Later records of the same dossier waiting for this one')),
    }),
  ),
});

export const PortalReplay = v.object({ id: Uuid, dossierId: Uuid, seq: v.number() });

import { Channel, OnlineServiceLevel, ProcedureCode, ProcedureLevel, ProcedureRecord } from '@gov/domain';
import * as v from 'valibot';

// What the citizen portal's public reads and "Hồ sơ của tôi" answer, declared once for the
// OpenAPI document and checked against the handlers' results at compile time (see wire.ts).

const Uuid = v.pipe(v.string(), v.uuid());
const Instant = v.pipe(v.string(), v.isoTimestamp(), v.description('ISO 8601 with offset'));
const Paged = { total: v.number(), page: v.number(), pageSize: v.number() };
const Maybe = (description: string) => v.nullable(v.pipe(v.string(), v.description(description)));
/** A unit's public contact details: the desk's, never a person's; null when the unit publishes none. */
export const UnitContactAnswer = v.object({
  publicAddress: Maybe('Street address of the desk'),
  hotline: Maybe('Hotline as the unit writes it, e.g. "0243 825 1234"'),
  publicEmail: Maybe('The desk’s email'),
  openingHours: Maybe('Opening hours, free text in Vietnamese'),
  mapUrl: Maybe('An https link to the desk on a map'),
});
const Unit = v.object({ id: Uuid, code: v.string(), name: v.string(), ...UnitContactAnswer.entries });

export const OfferedProcedurePage = v.object({
  items: v.array(
    v.object({
      code: ProcedureCode,
      name: v.string(),
      sector: v.string(),
      level: ProcedureLevel,
      channels: v.array(Channel),
      onlineServiceLevel: OnlineServiceLevel,
    }),
  ),
  ...Paged,
});

export const OfferedProcedure = v.object({
  procedure: ProcedureRecord,
  localFeeVnd: v.nullable(v.pipe(v.number(), v.description('The province’s own fee in đồng, when it sets one'))),
  receivingUnits: v.array(Unit),
});

export const OfferedSectors = v.array(v.object({ sector: v.string(), procedures: v.number() }));
export const ReceivingUnits = v.array(Unit);

const MyDossier = v.object({
  dossierId: Uuid,
  code: v.string(),
  procedureCode: v.string(),
  procedureName: v.string(),
  receivingUnitName: v.string(),
  channel: v.picklist(['online', 'in_person', 'postal', 'proxy']),
  nationalStatus: v.pipe(v.number(), v.description('National status code 1–10')),
  localStatus: v.string(),
  receivedAt: Instant,
  dueAt: v.nullable(Instant),
  returnedAt: v.nullable(Instant),
});
export const MyDossierPage = v.object({ items: v.array(MyDossier), ...Paged });
export const MyDossierEverywherePage = v.object({
  items: v.array(v.object({ ...MyDossier.entries, tenantId: Uuid, provinceName: v.string() })),
  ...Paged,
});

/** Public status: no names, ID numbers or phones of people; the receiving desk's public contacts only. */
export const PublicDossierStatus = v.object({
  code: v.string(),
  procedureName: v.string(),
  receivingUnitName: v.string(),
  receivingUnitContact: UnitContactAnswer,
  nationalStatus: v.number(),
  statusText: v.object({ vi: v.string(), en: v.string() }),
  receivedAt: Instant,
  promisedReturnAt: v.nullable(Instant),
  finishedAt: v.nullable(Instant),
  returnedAt: v.nullable(Instant),
  overdue: v.boolean(),
  steps: v.array(
    v.object({
      key: v.string(),
      name: v.string(),
      unitName: v.string(),
      state: v.picklist(['pending', 'current', 'done', 'cancelled']),
      startedAt: v.nullable(Instant),
      completedAt: v.nullable(Instant),
      dueAt: v.nullable(Instant),
      deadlineMet: v.nullable(v.boolean()),
    }),
  ),
});

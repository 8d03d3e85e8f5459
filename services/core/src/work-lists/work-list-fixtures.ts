import { randomUUID } from 'node:crypto';
import { schema, withTenant, type Db, type Sql } from '@gov/db';
import { createTenant } from '@gov/db/testing';
import type { PlatformRole, TenantRole } from '@gov/domain';
import { authorityOf } from '../abilities/build-ability.js';
import type { ServiceContext } from '../context.js';

/** Test-only: a province with a root, a ward and its team, and a department beside the ward. */
export interface MonitoredProvince {
  tenantId: string;
  rootId: string;
  wardId: string;
  wardTeamId: string;
  departmentId: string;
  /** Two procedures, by code: most dossiers use the first. */
  procedureCodes: [string, string];
  procedureIds: [string, string];
  /** An officer of the ward team, assigned to some open steps. */
  officerId: string;
}

export async function seedMonitoredProvince(sql: Sql, ownerUrl: string): Promise<MonitoredProvince> {
  const tenantId = await createTenant(ownerUrl, 'Tỉnh Giám sát');
  return withTenant(sql, tenantId, async (tx) => {
    const [rootId, wardId, wardTeamId, departmentId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const tag = rootId.slice(0, 6).toUpperCase();
    await tx.insert(schema.orgUnits).values([
      { tenantId, id: rootId, path: [rootId], code: `UB${tag}`, name: 'Ủy ban nhân dân tỉnh', kind: 'people_committee' },
      { tenantId, id: wardId, parentId: rootId, path: [rootId, wardId], code: `PH${tag}`, name: 'Bộ phận một cửa phường', kind: 'commune_one_stop' },
      { tenantId, id: wardTeamId, parentId: wardId, path: [rootId, wardId, wardTeamId], code: `TO${tag}`, name: 'Tổ tiếp nhận', kind: 'office' },
      { tenantId, id: departmentId, parentId: rootId, path: [rootId, departmentId], code: `SO${tag}`, name: 'Sở Nội vụ', kind: 'department' },
    ]);
    const procedureCodes: [string, string] = [`9.${randomUUID().slice(0, 6)}`, `9.${randomUUID().slice(0, 6)}`];
    const procedureIds = [] as unknown as [string, string];
    for (const [i, code] of procedureCodes.entries()) {
      const [row] = await tx
        .insert(schema.procedures)
        .values({
          code,
          version: 1,
          name: i === 0 ? 'Đăng ký khai sinh' : 'Cấp giấy phép xây dựng',
          sector: 'Tư pháp',
          level: 'commune',
          channels: ['online', 'in_person'],
          processingTime: [{ channel: 'online', amount: 5, unit: 'working_days' }],
          onlineServiceLevel: 'full',
        })
        .returning({ id: schema.procedures.id });
      procedureIds.push(row!.id);
    }
    const [officer] = await tx
      .insert(schema.users)
      .values({ login: `giam-sat-${randomUUID()}`, kind: 'officer', homeTenantId: tenantId, displayName: 'Cán bộ' })
      .returning({ id: schema.users.id });
    await tx.insert(schema.tenantUsers).values({ tenantId, userId: officer!.id, fullName: 'Lê Thị Xử Lý', orgUnitId: wardTeamId });
    return { tenantId, rootId, wardId, wardTeamId, departmentId, procedureCodes, procedureIds, officerId: officer!.id };
  });
}

export interface MonitoredDossier {
  unitId: string;
  status: number;
  receivedAt: string;
  dueAt?: string;
  overdueAt?: string;
  closedAt?: string;
  procedure?: 0 | 1;
  /** An open step assigned to this officer. */
  assigneeUserId?: string;
  /** History: `actor: true` is an officer's action, false a deadline event with no actor. */
  events?: { kind: string; at: string; actor: boolean }[];
}

/** Writes dossiers as the projection leaves them; returns their ids in order. */
export async function seedMonitoredDossiers(sql: Sql, province: MonitoredProvince, dossiers: MonitoredDossier[]): Promise<string[]> {
  const { tenantId } = province;
  return withTenant(sql, tenantId, async (tx) => {
    const ids: string[] = [];
    for (const r of dossiers) {
      const id = randomUUID();
      await tx.insert(schema.dossiers).values({
        tenantId,
        id,
        code: `GS-${id.slice(0, 8).toUpperCase()}`,
        procedureId: province.procedureIds[r.procedure ?? 0],
        channel: 'in_person',
        receivingUnitId: r.unitId,
        currentUnitId: r.unitId,
        applicantName: 'Nguyễn Văn Giám Sát',
        nationalStatus: r.status,
        localStatus: 'x',
        receivedAt: new Date(r.receivedAt),
        dueAt: r.dueAt ? new Date(r.dueAt) : null,
        overdueAt: r.overdueAt ? new Date(r.overdueAt) : null,
        closedAt: r.closedAt ? new Date(r.closedAt) : null,
        finishedAt: r.closedAt ? new Date(r.closedAt) : null,
      });
      for (const [i, event] of (r.events ?? []).entries()) {
        await tx.insert(schema.dossierEvents).values({
          tenantId,
          dossierId: id,
          eventKey: `e${i}`,
          kind: event.kind,
          actorUserId: event.actor ? province.officerId : null,
          occurredAt: new Date(event.at),
        });
      }
      await tx.insert(schema.tasks).values({
        tenantId,
        dossierId: id,
        stepKey: 'xu-ly',
        orgUnitId: r.unitId,
        role: 'specialist',
        assigneeUserId: r.assigneeUserId ?? null,
        status: r.closedAt ? 'done' : 'open',
      });
      ids.push(id);
    }
    return ids;
  });
}

/** A request context for a new user holding `role` at `orgUnitId`, or a ministry role. */
export async function monitorContext(
  deps: { db: Db; sql: Sql },
  who: { role: TenantRole; tenantId: string; orgUnitId: string; wholeTenant: boolean } | { platformRole: PlatformRole },
): Promise<ServiceContext> {
  const ministry = 'platformRole' in who;
  const [user] = await deps.db
    .insert(schema.users)
    .values({ login: `monitor-${randomUUID()}`, kind: ministry ? 'ministry' : 'officer', displayName: 'Người giám sát' })
    .returning({ id: schema.users.id });
  const authority = authorityOf({
    userId: user!.id,
    kind: ministry ? 'ministry' : 'officer',
    grants: ministry ? [] : [{ role: who.role, tenantId: who.tenantId, orgUnitId: who.orgUnitId, wholeTenant: who.wholeTenant }],
    platformRoles: ministry ? [who.platformRole] : [],
  });
  return {
    requestId: `test-${randomUUID()}`,
    db: deps.db,
    sql: deps.sql,
    actor: { userId: user!.id, kind: ministry ? 'ministry' : 'officer', displayName: 'Người giám sát' },
    ...authority,
  };
}

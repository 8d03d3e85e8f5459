/// <reference types="node" />
// Archive and retention (docs/domain/archive-and-retention.md) in real headless Chromium against
// the real API process, database and Temporal worker: the ministry gives a procedure a retention
// period in the catalog editor and the province admin reads it where procedures are activated;
// the archive run (started on the journey's worker, as the daily schedule starts it, judged by a
// chosen instant) archives a closed dossier, which an officer finds by its code, marked archived,
// with its file read from archive storage; after its retention the run deletes it, and the
// lookup says why a code may no longer be found.
import { randomInt } from 'node:crypto';
import { addVietnamMonths, vietnamDate, vietnamInstant } from '@gov/calendar';
import { addProvinceAdmin, pdfWith } from '@gov/api/testing';
import { FileStore } from '@gov/core';
import { createDb, schema, withTenant, type Db, type Sql } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedMinistryAndProvince } from './accounts.js';
import { startDossierJourney, type DossierJourney } from './journey.js';

let journey: DossierJourney;
let ministryAdmin: string;
let provinceAdmin: string;
let suffix: string;
// Only to seed the closed dossier and the province admin; everything else goes through the API.
let database: { db: Db; sql: Sql };
const procedureCode = `2.6${String(randomInt(0, 100_000)).padStart(5, '0')}`;

beforeAll(async () => {
  database = createDb(inject('databaseUrl'), { max: 2 });
  const [started, seeded] = await Promise.all([
    startDossierJourney({ name: 'archive', actionTimeoutMs: 15_000 }),
    // Only its ministry admin is used: ministry staff are provisioned outside the platform.
    seedMinistryAndProvince(inject('adminDatabaseUrl')),
  ]);
  journey = started;
  ({ ministryAdmin, suffix } = seeded);
  provinceAdmin = await addProvinceAdmin(database.sql, journey.world);
  // Building the web app dominates; on a loaded 2-core machine it needs more than the default hook time.
}, 300_000);

afterAll(async () => {
  await journey?.stop();
  await database?.sql.end({ timeout: 1 });
});

const procedureName = () => `Thủ tục lưu trữ thử ${suffix}`;

/**
 * A dossier of the journey's commune under version 1 of the procedure, closed 14 months ago (past
 * the province's 12-month archive period), with its application scan in the API's file store.
 */
async function closedDossier() {
  const [version1] = await database.db
    .select({ id: schema.procedures.id })
    .from(schema.procedures)
    .where(and(eq(schema.procedures.code, procedureCode), eq(schema.procedures.version, 1)));
  const { tenantId, communeId } = journey.world;
  const bytes = pdfWith(`archive ${suffix}`);
  const stored = await new FileStore(journey.dossierRuntime.filesDir).put(tenantId, bytes);
  const closedAt = addVietnamMonths(new Date(), -14);
  const code = `LT-${suffix.toUpperCase()}`;
  await withTenant(database.sql, tenantId, async (tx) => {
    const [dossier] = await tx
      .insert(schema.dossiers)
      .values({
        tenantId,
        code,
        procedureId: version1!.id,
        channel: 'in_person',
        receivingUnitId: communeId,
        currentUnitId: communeId,
        applicantName: 'Lê Thị Lưu Trữ',
        nationalStatus: 10,
        localStatus: 'returned',
        receivedAt: addVietnamMonths(closedAt, -1),
        dueAt: closedAt,
        finishedAt: closedAt,
        closedAt,
        returnedAt: closedAt,
      })
      .returning({ id: schema.dossiers.id });
    await tx
      .insert(schema.dossierFiles)
      .values({ tenantId, dossierId: dossier!.id, componentCode: 'don', fileName: 'don-de-nghi.pdf', contentType: 'application/pdf', ...stored });
  });
  return { code, bytes, key: stored.storageKey, closedYear: Number(vietnamDate(closedAt).slice(0, 4)) };
}

/** The officer's "Tra cứu hồ sơ theo mã" above the inbox. */
async function lookUp(page: Page, code: string) {
  await page.getByRole('navigation').getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  const lookup = page.getByTestId('code-lookup');
  await lookup.getByLabel('Mã hồ sơ').fill(code);
  await lookup.getByRole('button', { name: 'Tra cứu' }).click();
}

describe('archive and retention in a real browser', () => {
  it('the ministry sets a procedure’s retention in the catalog; the province admin reads it where procedures are activated', { timeout: 90_000 }, async () => {
    const ministry = await journey.newPage({ name: 'ministry' });
    await journey.signIn(ministry, ministryAdmin);
    await ministry.goto(`${journey.url}/ministry/catalog`);
    await ministry.getByRole('button', { name: 'Thêm thủ tục mới' }).click();
    const editor = ministry.getByTestId('procedure-editor');
    await editor.locator('#pe-code').fill(procedureCode);
    await editor.getByLabel('Tên thủ tục').fill(procedureName());
    await editor.getByLabel('Lĩnh vực').fill('Nội vụ');
    await editor.getByLabel('Mã thành phần').fill('don');
    await editor.getByLabel('Tên thành phần').fill('Đơn đề nghị');
    // Nobody classified it yet: permanent, the choice that never deletes.
    expect(await editor.getByLabel('Thời hạn bảo quản hồ sơ').inputValue()).toBe('');
    await editor.getByRole('button', { name: 'Ban hành phiên bản' }).click();
    await ministry.getByTestId('catalog-notice').getByText('Đã ban hành phiên bản 1.').waitFor();
    const retention = ministry.getByTestId('procedure-detail').getByTestId('procedure-retention');
    await retention.getByText('Vĩnh viễn').waitFor();
    // A retention is a new catalog version; the dossiers filed under version 1 follow the newest.
    await ministry.getByRole('button', { name: 'Sửa, ban hành phiên bản mới' }).click();
    await editor.getByLabel('Thời hạn bảo quản hồ sơ').selectOption({ label: '10 năm' });
    await editor.getByRole('button', { name: 'Ban hành phiên bản' }).click();
    await ministry.getByTestId('catalog-notice').getByText('Đã ban hành phiên bản 2.').waitFor();
    await retention.getByText('10 năm').waitFor();
    await journey.shot(ministry, '01-catalog-retention');
    await ministry.context().close();

    const admin = await journey.newPage({ name: 'province-admin' });
    await journey.signIn(admin, provinceAdmin);
    await admin.goto(`${journey.url}/admin/procedures`);
    await admin.getByLabel('Tìm theo tên thủ tục (không dấu)').fill(`thu tuc luu tru thu ${suffix}`);
    await admin.getByRole('button', { name: 'Tìm', exact: true }).click();
    const row = admin.getByTestId(`procedure-${procedureCode}`);
    await row.getByTestId('procedure-retention').getByText('Thời hạn bảo quản hồ sơ: 10 năm').waitFor();
    await row.getByRole('button', { name: `Kích hoạt: ${procedureName()}` }).click();
    await admin.getByTestId('activation-retention').getByText('Thời hạn bảo quản hồ sơ: 10 năm', { exact: false }).waitFor();
    await journey.shot(admin, '02-procedures-retention');
    await admin.context().close();
  });

  it(
    'an officer finds an archived dossier by its code and reads its file from archive storage; after its retention it is gone',
    { timeout: 120_000 },
    async () => {
      const dossier = await closedDossier();
      const { world, dossierRuntime: runtime } = journey;
      expect(await runtime.runArchive({ provinces: [world.tenantId], asOf: new Date().toISOString() })).toMatchObject({ archived: 1, deleted: 0 });
      // The run moved the scan: archive storage has it, the live store no longer does.
      expect(await new FileStore(runtime.archiveDir).sizeOf(world.tenantId, dossier.key)).toBe(dossier.bytes.byteLength);
      expect(await new FileStore(runtime.filesDir).sizeOf(world.tenantId, dossier.key)).toBeNull();

      const clerk = await journey.newPage({ name: 'clerk' });
      await journey.signIn(clerk, world.logins.clerk);
      await clerk.getByRole('heading', { name: 'Hồ sơ cần xử lý' }).waitFor();
      // Typed in lower case, as an officer may.
      await lookUp(clerk, dossier.code.toLowerCase());
      await clerk.getByTestId('dossier-code').getByText(dossier.code).waitFor();
      await clerk.getByTestId('archived-badge').getByText('Đã lưu trữ').waitFor();
      await clerk.getByTestId('archived-files-note').waitFor();
      await clerk.getByText('Lê Thị Lưu Trữ').waitFor();
      const link = clerk.getByTestId('components').getByRole('link', { name: 'don-de-nghi.pdf' });
      const file = await clerk.request.get(`${journey.url}${(await link.getAttribute('href')) ?? ''}`);
      expect({ status: file.status(), type: file.headers()['content-type'] }).toEqual({ status: 200, type: 'application/pdf' });
      expect(Buffer.from(await file.body()).equals(Buffer.from(dossier.bytes))).toBe(true);
      await journey.shot(clerk, '03-archived-dossier');

      // 2 January of the eleventh year after it closed: the newest version's 10 years have ended.
      const afterRetention = vietnamInstant(`${dossier.closedYear + 11}-01-02`);
      expect(await runtime.runArchive({ provinces: [world.tenantId], asOf: afterRetention.toISOString() })).toMatchObject({ archived: 0, deleted: 1 });
      await lookUp(clerk, dossier.code);
      await clerk
        .getByTestId('code-lookup-not-found')
        .getByText('Hồ sơ đã hủy sau khi hết thời hạn bảo quản không còn tra cứu được', { exact: false })
        .waitFor();
      await journey.shot(clerk, '04-deleted-after-retention');
      await clerk.context().close();
    },
  );
});

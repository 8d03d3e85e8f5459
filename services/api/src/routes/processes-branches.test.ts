import { schema } from '@gov/db';
import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, onlineBody } from '../testing/dossier-client.js';
import { addProvinceAdmin, PDF, type DossierWorld } from '../testing/dossier-world.js';
import { dossierSuite } from '../testing/dossier-suite.js';
import { readProblem, type Problem } from '../testing/problem.js';
import { ANY_REVISION, call, signIn, type Session } from '../testing/world.js';

// Rẽ nhánh through the API: the designer saves and publishes a branching process, and a dossier
// filed under it follows its form data and the officer's choice, while one filed under the
// straight-line version before keeps running that version.
const suite = dossierSuite('branches');
const { client, s } = suite;
let w: DossierWorld;
let admin: Session;

beforeAll(async () => {
  ({ w } = suite);
  admin = await signIn(suite.app, await addProvinceAdmin(suite.deps.sql, w));
  // The catalog's next version of the procedure declares the form's fields.
  const p = schema.procedures;
  const [current] = await suite.deps.db.select().from(p).where(eq(p.code, w.procedureCode)).orderBy(desc(p.version)).limit(1);
  const { id: _id, createdAt: _at, nameSearch: _search, ...rest } = current!;
  await suite.deps.db.insert(p).values({
    ...rest,
    version: current!.version + 1,
    forms: [
      {
        code: 'to-khai',
        name: 'Tờ khai',
        fields: [
          { key: 'dien_tich', label: 'Diện tích (m²)', type: 'number' },
          { key: 'loai_dat', label: 'Loại đất', type: 'choice', options: ['o', 'nong_nghiep'] },
        ],
      },
    ],
  });
});

type View = { step: { key: string; outcomes?: { key: string; label: string }[] } };
type Refusal = Problem & { problems: { stepKey: string; field: string; message: { vi: string } }[] };

const base = { nationalStatus: 4, localStatus: 'processing', allowReturnToPrevious: false, allottedWorkingHours: 4 };
/** Receive (big plots go to the department's check) → leader decides (approve or refuse) → return. */
const branching = (over: Record<string, object> = {}) =>
  [
    {
      ...base,
      key: 'receive',
      kind: 'receive',
      name: 'Tiếp nhận',
      role: 'reception_officer',
      orgUnitId: w.communeId,
      nationalStatus: 1,
      next: { by: 'condition', rules: [{ when: { field: 'dien_tich', op: 'gt', value: 500 }, to: 'check' }], otherwise: 'process' },
    },
    { ...base, key: 'check', kind: 'process', name: 'Kiểm tra thực địa', role: 'specialist', orgUnitId: w.communeId, next: { by: 'goto', to: 'decide' } },
    { ...base, key: 'process', kind: 'process', name: 'Thẩm định', role: 'specialist', orgUnitId: w.communeId },
    {
      ...base,
      key: 'decide',
      kind: 'approve',
      name: 'Lãnh đạo quyết định',
      role: 'leader',
      orgUnitId: w.communeId,
      next: {
        by: 'choice',
        outcomes: [
          { key: 'dong_y', label: 'Đồng ý', to: 'return' },
          { key: 'tu_choi', label: 'Từ chối', to: 'refusal' },
        ],
      },
    },
    { ...base, key: 'refusal', kind: 'process', name: 'Soạn văn bản từ chối', role: 'specialist', orgUnitId: w.communeId },
    { ...base, key: 'return', kind: 'return_result', name: 'Trả kết quả', role: 'result_clerk', orgUnitId: w.communeId, nationalStatus: 9 },
  ].map((step) => ({ ...step, ...over[step.key] }));

const save = (steps: unknown) =>
  call(suite.app, admin, 'POST', `/api/tenants/${w.tenantId}/processes`, { procedureCode: w.procedureCode, steps }, ANY_REVISION);
const refusal = async (steps: unknown) => {
  const response = await save(steps);
  expect(response.status).toBe(400);
  return ((await readProblem(response)) as Refusal).problems.map((p) => [p.stepKey, p.message.vi]);
};
const submit = async (formData?: Record<string, unknown>) => {
  const response = await client.submit(
    s.citizen,
    w.tenantId,
    { ...onlineBody(w), ...(formData ? { formData } : {}) },
    { files: { don: { name: 'don.pdf', bytes: PDF } } },
  );
  return { status: response.status, body: (await response.json()) as { dossierId: string; detail?: string } };
};
const act = async (who: keyof typeof s, dossierId: string, action: string, body: Record<string, unknown> = {}) => {
  const response = await client.act(s[who], w.tenantId, dossierId, action, body);
  return { status: response.status, body: (await response.json()) as View & { detail?: string } };
};
/** The workflow starts from the outbox or the API right after intake: wait until it answers. */
const accept = (dossierId: string) =>
  eventually(
    () => act('reception', dossierId, 'accept'),
    (r) => r.status === 200,
  );

describe('designing a branching process through the API', () => {
  it('refuses, in Vietnamese and naming the step, a loop, an unreachable step, an unknown field and a budget over the statutory time', async () => {
    expect(await refusal(branching({ refusal: { next: { by: 'goto', to: 'decide' } } }))).toEqual([
      [
        'decide',
        'Bước "Lãnh đạo quyết định": quy trình có vòng lặp không bao giờ kết thúc ("Lãnh đạo quyết định" → "Soạn văn bản từ chối" → "Lãnh đạo quyết định").',
      ],
    ]);
    expect(await refusal(branching({ receive: { next: { by: 'goto', to: 'process' } } }))).toEqual([
      ['check', 'Bước "Kiểm tra thực địa": không có đường nào dẫn tới bước này.'],
    ]);
    const unknownField = { next: { by: 'condition', rules: [{ when: { field: 'so_tang', op: 'gt', value: 2 }, to: 'check' }], otherwise: 'process' } };
    expect(await refusal(branching({ receive: unknownField }))).toEqual([
      ['receive', 'Bước "Tiếp nhận": điều kiện dùng trường "so_tang" mà tờ khai của thủ tục không có.'],
    ]);
    const over = await refusal(branching({ check: { allottedWorkingHours: 30 } }));
    expect(over).toHaveLength(1);
    const [step, message] = over[0]!;
    expect(step).toBe('return');
    expect(message).toContain('nhánh dài nhất ("Tiếp nhận" → "Kiểm tra thực địa" → "Lãnh đạo quyết định" → "Soạn văn bản từ chối" → "Trả kết quả")');
  });

  it('keeps a dossier of the straight-line version on it while a branching version is published, and runs new dossiers on the new one', async () => {
    const old = await submit();
    expect(old.status).toBe(201);
    expect((await accept(old.body.dossierId)).body.step.key).toBe('process');

    const saved = await save(branching());
    expect(saved.status).toBe(201);
    const draft = (await saved.json()) as { id: string; revision: number; version: number };
    const published = await call(
      suite.app,
      admin,
      'POST',
      `/api/tenants/${w.tenantId}/processes/${draft.id}/publish`,
      {},
      { 'If-Match': `"${draft.revision}"` },
    );
    expect(published.status).toBe(200);

    // The old dossier goes on to the hand-over of the version it started with.
    expect((await act('specialist', old.body.dossierId, 'forward')).body.step.key).toBe('to-dept');

    // Form data is checked against the declared fields.
    const wrong = await submit({ loai_dat: 'rung' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.detail).toBe('Thông tin tờ khai "Loại đất": giá trị không nằm trong các lựa chọn.');
    expect((await submit({ so_tang: 3 })).status).toBe(400);

    const big = await submit({ dien_tich: 900, loai_dat: 'o' });
    expect(big.status).toBe(201);
    expect((await accept(big.body.dossierId)).body.step.key).toBe('check');
    const small = await submit({ dien_tich: 80 });
    const atProcess = await accept(small.body.dossierId);
    expect(atProcess.body.step.key).toBe('process');
    const atDecision = await act('specialist', small.body.dossierId, 'forward');
    expect(atDecision.body.step.outcomes).toEqual([
      { key: 'dong_y', label: 'Đồng ý' },
      { key: 'tu_choi', label: 'Từ chối' },
    ]);
    const noChoice = await act('communeLeader', small.body.dossierId, 'approve', { signed: true });
    expect(noChoice.status).toBe(400);
    expect(noChoice.body.detail).toBe('Bước "Lãnh đạo quyết định": hãy chọn một hướng xử lý ("Đồng ý", "Từ chối").');
    expect((await act('communeLeader', small.body.dossierId, 'approve', { signed: true, outcome: 'tu_choi' })).body.step.key).toBe('refusal');
  });
});

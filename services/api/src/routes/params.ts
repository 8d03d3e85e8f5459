import * as v from 'valibot';

const Id = v.pipe(v.string(), v.uuid('Mã định danh không hợp lệ'));

export const TenantParam = v.object({ tenantId: Id });
export const UnitParam = v.object({ tenantId: Id, unitId: Id });
export const UserParam = v.object({ tenantId: Id, userId: Id });
export const AssignmentParam = v.object({ tenantId: Id, assignmentId: Id });

/** A whole number in a query string, within bounds; absent means the operation's default. */
export const QueryInt = (min: number, max: number) =>
  v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,7}$/, 'phải là số nguyên'),
      v.transform(Number),
      v.minValue(min, `phải từ ${min} trở lên`),
      v.maxValue(max, `phải từ ${max} trở xuống`),
    ),
  );

/** The largest page any list answers; a bigger `pageSize` is a 400, not silently cut. */
export const MAX_PAGE_SIZE = 100;

/**
 * The one paging style of every list (docs/api/conventions.md): `page` counted from 1 and
 * `pageSize`, answered as `{ items, total, page, pageSize }`.
 */
export const PageQuery = v.object({ page: QueryInt(1, 100_000), pageSize: QueryInt(1, MAX_PAGE_SIZE) });

/**
 * Custom search attributes registered on the namespace. They are stored in clear by Temporal, so
 * they hold codes and dates only, never personal data (docs/architecture.md, Temporal).
 */
export const SEARCH_ATTRIBUTES = {
  GovTenantId: 'Keyword',
  GovUnitCode: 'Keyword',
  GovProcedureCode: 'Keyword',
  GovStatus: 'Keyword',
  GovDueAt: 'Datetime',
} as const;

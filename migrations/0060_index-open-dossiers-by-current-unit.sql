-- The monitoring lists (overdue, near due, stuck: docs/domain/work-lists.md) read a province's open
-- dossiers unit by unit of the reader's scope, by their current unit. Through dossiers_inbox_idx
-- each unit's probe read every dossier it ever held to keep the open ones (the largest province's
-- stuck list, 134,000 dossiers: 1.3 s); this index holds only the open ones (4,500 there), so a
-- probe reads what it returns (docs/reports/speed.md).
CREATE INDEX "dossiers_open_unit_idx" ON "dossiers" ("tenant_id", "current_unit_id") WHERE "closed_at" IS NULL;--> statement-breakpoint
-- A period's report counts the dossiers open at its end (received before it, closed after it or
-- not at all) from dossiers; with what it reads included, from this index alone instead of a heap
-- page per dossier (a past quarter of the largest province: 23,000 pages).
DROP INDEX "dossiers_closed_idx";--> statement-breakpoint
CREATE INDEX "dossiers_closed_idx" ON "dossiers" ("tenant_id", "closed_at")
  INCLUDE ("id", "received_at", "receiving_unit_id", "procedure_id", "handed_over_from", "due_at", "overdue_at");

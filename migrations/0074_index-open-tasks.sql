-- The officer inbox reads the open tasks of the units an officer's roles cover. Under row-level
-- security a comparison of an enum column (the task's status, its role) is not leakproof, so it
-- can never become an index condition: through tasks_inbox_idx each inbox page read every task
-- its units ever had, done ones included, and filtered them (a ward of the soak: 6,720 read for
-- 1,027 open). A unit's history only grows; its open work does not. This index holds the open
-- tasks alone; a plan made for the query's value of status proves its predicate, leakproof or
-- not, and the page reads the open tasks of its units and nothing of their past. (A prepared
-- statement's generic plan cannot prove it from a parameter: docs/operations/performance.md.)
DROP INDEX "tasks_inbox_idx";--> statement-breakpoint
CREATE INDEX "tasks_open_idx" ON "tasks" ("tenant_id", "org_unit_id", "due_at") WHERE "status" = 'open';

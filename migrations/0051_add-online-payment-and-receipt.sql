-- Online payment through the national payment platform and the electronic receipt (biên lai điện
-- tử) issued after it (docs/domain/fees-and-payment.md). A row of `payments` is one attempt to pay
-- the fee a `fee_requested` event asked for: the order reference sent to the gateway, what the
-- gateway's notification said, and the receipt the e-invoice provider issued.
ALTER TABLE "payments"
  ADD COLUMN "fee_event_id" uuid,
  ADD COLUMN "order_ref" text,
  ADD COLUMN "gateway_txn_no" text,
  ADD COLUMN "bank_code" text,
  ADD COLUMN "receipt_no" text,
  ADD COLUMN "receipt_lookup_code" text,
  ADD COLUMN "receipt_url" text,
  ADD COLUMN "receipt_issued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_fee_event_fk" FOREIGN KEY ("tenant_id", "fee_event_id") REFERENCES "dossier_events"("tenant_id", "id");--> statement-breakpoint
-- The gateway's notification names the order by this reference: one attempt each.
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_ref_key" UNIQUE ("tenant_id", "order_ref");--> statement-breakpoint
-- A fee is paid once, however many attempts were started or notifications arrive.
CREATE UNIQUE INDEX "payments_one_paid_per_fee" ON "payments" ("tenant_id", "fee_event_id") WHERE "status" = 'paid';--> statement-breakpoint
-- Reconciliation reads one day of payments of a province.
CREATE INDEX "payments_paid_at_idx" ON "payments" ("tenant_id", "paid_at");--> statement-breakpoint
-- RLS was enabled and forced on payments when it was created; stated again so this migration
-- alone shows the new columns are province-scoped.
ALTER TABLE "payments" FORCE ROW LEVEL SECURITY;

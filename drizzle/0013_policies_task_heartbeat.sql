CREATE TABLE "payment_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"region_code" text NOT NULL,
	"status" text NOT NULL,
	"claim_count" integer NOT NULL,
	"total_fen" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"exported_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "payment_batches_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"applicant_kind" text NOT NULL,
	"subject_kind" text NOT NULL,
	"region_code" text NOT NULL,
	"department" text NOT NULL,
	"summary" text NOT NULL,
	"explanation" text NOT NULL,
	"legal_basis" jsonb NOT NULL,
	"qa" jsonb NOT NULL,
	"materials" jsonb NOT NULL,
	"amount_rule" jsonb NOT NULL,
	"eligibility" jsonb NOT NULL,
	"auto_grant" boolean DEFAULT false NOT NULL,
	"notice_working_days" integer DEFAULT 5 NOT NULL,
	"window_from" date NOT NULL,
	"window_to" date,
	"status" text DEFAULT 'published' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policies_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "policy_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"total_fen" bigint NOT NULL,
	"committed_fen" bigint DEFAULT 0 NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_budgets_within_total" CHECK ("policy_budgets"."committed_fen" >= 0 and "policy_budgets"."committed_fen" <= "policy_budgets"."total_fen" and "policy_budgets"."paid_fen" <= "policy_budgets"."committed_fen")
);
--> statement-breakpoint
CREATE TABLE "policy_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"applicant_user_id" uuid,
	"applicant_org_id" uuid,
	"applicant_key" text NOT NULL,
	"region_code" text NOT NULL,
	"status" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_ref" text DEFAULT '' NOT NULL,
	"occupation_code" text DEFAULT '' NOT NULL,
	"level_code" text DEFAULT '' NOT NULL,
	"provider_org_id" uuid,
	"amount_fen" bigint NOT NULL,
	"evaluation" jsonb,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"payee_bank" text,
	"payee_account_enc" text,
	"payee_account_bidx" text,
	"payee_account_masked" text,
	"submit_ip" text,
	"assigned_to" uuid,
	"notice_from" date,
	"notice_until" date,
	"budget_id" uuid,
	"batch_id" uuid,
	"payment_note" text,
	"last_reason" text,
	"prefilled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "policy_claims_amount" CHECK ("policy_claims"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "policy_person_facts" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"hukou_region_code" text,
	"workplace_region_code" text,
	"insured_months" integer,
	"verified" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_budgets" ADD CONSTRAINT "policy_budgets_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_claims" ADD CONSTRAINT "policy_claims_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_claims" ADD CONSTRAINT "policy_claims_applicant_user_id_users_id_fk" FOREIGN KEY ("applicant_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_claims" ADD CONSTRAINT "policy_claims_applicant_org_id_organisations_id_fk" FOREIGN KEY ("applicant_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_claims" ADD CONSTRAINT "policy_claims_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_claims" ADD CONSTRAINT "policy_claims_budget_id_policy_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."policy_budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_person_facts" ADD CONSTRAINT "policy_person_facts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_batches_region_idx" ON "payment_batches" USING btree ("region_code" text_pattern_ops,"created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_budgets_policy_region_year_uidx" ON "policy_budgets" USING btree ("policy_id","region_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_claims_once_uidx" ON "policy_claims" USING btree ("policy_id","applicant_key","occupation_code","level_code") WHERE "policy_claims"."status" not in ('rejected', 'withdrawn', 'appeal_dismissed');--> statement-breakpoint
CREATE INDEX "policy_claims_region_status_idx" ON "policy_claims" USING btree ("region_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "policy_claims_applicant_idx" ON "policy_claims" USING btree ("applicant_key","created_at");--> statement-breakpoint
CREATE INDEX "policy_claims_payee_idx" ON "policy_claims" USING btree ("payee_account_bidx");--> statement-breakpoint
CREATE INDEX "policy_claims_provider_idx" ON "policy_claims" USING btree ("provider_org_id","submitted_at");--> statement-breakpoint
CREATE INDEX "policy_claims_batch_idx" ON "policy_claims" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "tasks_running_heartbeat_idx" ON "tasks" USING btree ("heartbeat_at") WHERE "tasks"."status" = 'running';
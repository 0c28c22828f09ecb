CREATE TABLE "competition_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"competition_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"award_name" text NOT NULL,
	"rank" integer NOT NULL,
	"grants_level" boolean NOT NULL,
	"grants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"granted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "competition_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"competition_id" uuid NOT NULL,
	"code" text NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"group_code" text NOT NULL,
	"category_code" text,
	"leader_user_id" uuid NOT NULL,
	"member_ids" jsonb NOT NULL,
	"org_id" uuid,
	"declared" jsonb NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"reached_seq" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_judges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"judge_user_id" uuid NOT NULL,
	"affiliation_org_id" uuid,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"stored_name" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_results" (
	"round_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"aggregate" integer NOT NULL,
	"mean" integer NOT NULL,
	"judge_count" integer NOT NULL,
	"trimmed" boolean NOT NULL,
	"rank" integer NOT NULL,
	"tied" boolean NOT NULL,
	"advanced" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"competition_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"advance_count" integer,
	"region_code" text NOT NULL,
	"status" text NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "competition_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"judge_user_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"total" integer NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"organiser" text NOT NULL,
	"region_code" text NOT NULL,
	"description" text NOT NULL,
	"registration_deadline" timestamp with time zone NOT NULL,
	"groups" jsonb NOT NULL,
	"categories" jsonb NOT NULL,
	"criteria" jsonb NOT NULL,
	"aggregation" jsonb NOT NULL,
	"awards" jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"occupation_code" text,
	"level_code" text,
	"provincial_managed" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"entry_seq" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"results_published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "archive_custodians" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"org_id" uuid,
	"address" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "archive_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"archive_id" uuid NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"stored_name" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "archive_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"archive_id" uuid NOT NULL,
	"from_custodian_id" uuid NOT NULL,
	"to_custodian_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"status" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"tracking_number" text,
	"requested_by" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "custody_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"archive_id" uuid NOT NULL,
	"custodian_id" uuid NOT NULL,
	"archive_version" integer NOT NULL,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_archives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_user_id" uuid NOT NULL,
	"custodian_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"archive_no" text NOT NULL,
	"since" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "competition_awards" ADD CONSTRAINT "competition_awards_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_awards" ADD CONSTRAINT "competition_awards_entry_id_competition_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."competition_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_entries" ADD CONSTRAINT "competition_entries_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_entries" ADD CONSTRAINT "competition_entries_leader_user_id_users_id_fk" FOREIGN KEY ("leader_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_entries" ADD CONSTRAINT "competition_entries_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_judges" ADD CONSTRAINT "competition_judges_round_id_competition_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."competition_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_judges" ADD CONSTRAINT "competition_judges_judge_user_id_users_id_fk" FOREIGN KEY ("judge_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_judges" ADD CONSTRAINT "competition_judges_affiliation_org_id_organisations_id_fk" FOREIGN KEY ("affiliation_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_judges" ADD CONSTRAINT "competition_judges_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_materials" ADD CONSTRAINT "competition_materials_entry_id_competition_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."competition_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_materials" ADD CONSTRAINT "competition_materials_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_results" ADD CONSTRAINT "competition_results_round_id_competition_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."competition_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_results" ADD CONSTRAINT "competition_results_entry_id_competition_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."competition_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_rounds" ADD CONSTRAINT "competition_rounds_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_scores" ADD CONSTRAINT "competition_scores_round_id_competition_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."competition_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_scores" ADD CONSTRAINT "competition_scores_entry_id_competition_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."competition_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_scores" ADD CONSTRAINT "competition_scores_judge_user_id_users_id_fk" FOREIGN KEY ("judge_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitions" ADD CONSTRAINT "competitions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_custodians" ADD CONSTRAINT "archive_custodians_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_custodians" ADD CONSTRAINT "archive_custodians_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_materials" ADD CONSTRAINT "archive_materials_archive_id_person_archives_id_fk" FOREIGN KEY ("archive_id") REFERENCES "public"."person_archives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_materials" ADD CONSTRAINT "archive_materials_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_transfers" ADD CONSTRAINT "archive_transfers_archive_id_person_archives_id_fk" FOREIGN KEY ("archive_id") REFERENCES "public"."person_archives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_transfers" ADD CONSTRAINT "archive_transfers_from_custodian_id_archive_custodians_id_fk" FOREIGN KEY ("from_custodian_id") REFERENCES "public"."archive_custodians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_transfers" ADD CONSTRAINT "archive_transfers_to_custodian_id_archive_custodians_id_fk" FOREIGN KEY ("to_custodian_id") REFERENCES "public"."archive_custodians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_transfers" ADD CONSTRAINT "archive_transfers_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custody_certificates" ADD CONSTRAINT "custody_certificates_archive_id_person_archives_id_fk" FOREIGN KEY ("archive_id") REFERENCES "public"."person_archives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custody_certificates" ADD CONSTRAINT "custody_certificates_custodian_id_archive_custodians_id_fk" FOREIGN KEY ("custodian_id") REFERENCES "public"."archive_custodians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_archives" ADD CONSTRAINT "person_archives_person_user_id_users_id_fk" FOREIGN KEY ("person_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_archives" ADD CONSTRAINT "person_archives_custodian_id_archive_custodians_id_fk" FOREIGN KEY ("custodian_id") REFERENCES "public"."archive_custodians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competition_awards_entry_uidx" ON "competition_awards" USING btree ("competition_id","entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_entries_code_uidx" ON "competition_entries" USING btree ("competition_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_entries_leader_uidx" ON "competition_entries" USING btree ("competition_id","leader_user_id") WHERE "competition_entries"."status" = 'registered';--> statement-breakpoint
CREATE INDEX "competition_entries_org_idx" ON "competition_entries" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_judges_uidx" ON "competition_judges" USING btree ("round_id","judge_user_id");--> statement-breakpoint
CREATE INDEX "competition_judges_user_idx" ON "competition_judges" USING btree ("judge_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_results_uidx" ON "competition_results" USING btree ("round_id","entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_rounds_seq_uidx" ON "competition_rounds" USING btree ("competition_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_scores_uidx" ON "competition_scores" USING btree ("round_id","entry_id","judge_user_id");--> statement-breakpoint
CREATE INDEX "competitions_region_idx" ON "competitions" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "competitions_status_idx" ON "competitions" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "archive_custodians_org_uidx" ON "archive_custodians" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "archive_custodians_region_idx" ON "archive_custodians" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "archive_transfers_open_uidx" ON "archive_transfers" USING btree ("archive_id") WHERE "archive_transfers"."status" in ('requested', 'approved', 'dispatched');--> statement-breakpoint
CREATE INDEX "archive_transfers_from_idx" ON "archive_transfers" USING btree ("from_custodian_id");--> statement-breakpoint
CREATE INDEX "archive_transfers_to_idx" ON "archive_transfers" USING btree ("to_custodian_id");--> statement-breakpoint
CREATE UNIQUE INDEX "custody_certificates_code_uidx" ON "custody_certificates" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "person_archives_person_uidx" ON "person_archives" USING btree ("person_user_id");
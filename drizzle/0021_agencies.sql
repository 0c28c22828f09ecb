CREATE TABLE "agency_annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"persons_served" integer NOT NULL,
	"employers_served" integer NOT NULL,
	"placements" integer NOT NULL,
	"events_held" integer NOT NULL,
	"revenue_band" text NOT NULL,
	"staff_count" integer NOT NULL,
	"ai_services" text DEFAULT '' NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"late" boolean DEFAULT false NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agency_annual_reports_counts" CHECK ("agency_annual_reports"."persons_served" >= 0 and "agency_annual_reports"."employers_served" >= 0 and "agency_annual_reports"."placements" >= 0 and "agency_annual_reports"."events_held" >= 0 and "agency_annual_reports"."staff_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "agency_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"status" text NOT NULL,
	"licence_number" text NOT NULL,
	"issuing_authority" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"business_scope" text NOT NULL,
	"services" text[] NOT NULL,
	"description" text,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agency_registrations_validity" CHECK ("agency_registrations"."valid_from" < "agency_registrations"."valid_to")
);
--> statement-breakpoint
CREATE TABLE "agency_report_deadlines" (
	"year" integer PRIMARY KEY NOT NULL,
	"due_on" date NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "client_employer_name" text;--> statement-breakpoint
ALTER TABLE "agency_annual_reports" ADD CONSTRAINT "agency_annual_reports_registration_id_agency_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."agency_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_annual_reports" ADD CONSTRAINT "agency_annual_reports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_annual_reports" ADD CONSTRAINT "agency_annual_reports_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_annual_reports" ADD CONSTRAINT "agency_annual_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_registrations" ADD CONSTRAINT "agency_registrations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_registrations" ADD CONSTRAINT "agency_registrations_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_registrations" ADD CONSTRAINT "agency_registrations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_report_deadlines" ADD CONSTRAINT "agency_report_deadlines_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agency_annual_reports_org_year_uidx" ON "agency_annual_reports" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "agency_annual_reports_region_idx" ON "agency_annual_reports" USING btree ("region_code" text_pattern_ops,"year","status");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_registrations_org_uidx" ON "agency_registrations" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_registrations_licence_uidx" ON "agency_registrations" USING btree ("licence_number");--> statement-breakpoint
CREATE INDEX "agency_registrations_region_idx" ON "agency_registrations" USING btree ("region_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "agency_registrations_expiry_idx" ON "agency_registrations" USING btree ("status","valid_to");
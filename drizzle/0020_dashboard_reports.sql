CREATE TABLE "dashboard_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"month" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"task_id" uuid,
	"requested_by" uuid NOT NULL,
	"xlsx_bytes" integer,
	"pdf_bytes" integer,
	"xlsx_sha256" text,
	"pdf_sha256" text,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "dashboard_reports" ADD CONSTRAINT "dashboard_reports_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dashboard_reports_version_idx" ON "dashboard_reports" USING btree ("region_code","month","version");--> statement-breakpoint
CREATE UNIQUE INDEX "dashboard_reports_open_idx" ON "dashboard_reports" USING btree ("region_code","month") WHERE "dashboard_reports"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "dashboard_reports_created_idx" ON "dashboard_reports" USING btree ("created_at");
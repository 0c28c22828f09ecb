CREATE TABLE "talent_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"education" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"work_history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"certificates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"desired_occupations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"desired_cities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"desired_salary_min_fen" integer,
	"visibility" text DEFAULT 'private' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"talent_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"status" text NOT NULL,
	"cover_note" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"viewed_at" timestamp with time zone,
	"hired_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "talent_profiles" ADD CONSTRAINT "talent_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_applications" ADD CONSTRAINT "job_applications_job_id_job_postings_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job_postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_applications" ADD CONSTRAINT "job_applications_talent_id_users_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "job_applications_open_uidx" ON "job_applications" USING btree ("job_id","talent_id") WHERE "job_applications"."status" in ('submitted', 'viewed', 'interview', 'offer');--> statement-breakpoint
CREATE INDEX "job_applications_talent_idx" ON "job_applications" USING btree ("talent_id","submitted_at");--> statement-breakpoint
CREATE INDEX "job_applications_org_idx" ON "job_applications" USING btree ("org_id","job_id","status");--> statement-breakpoint
CREATE INDEX "job_applications_region_idx" ON "job_applications" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "job_applications_waiting_idx" ON "job_applications" USING btree ("status","submitted_at");
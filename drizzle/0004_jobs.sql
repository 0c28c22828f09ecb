CREATE TABLE "job_postings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"occupation_code" text NOT NULL,
	"required_skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preferred_skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"education_code" text,
	"experience_years_min" integer DEFAULT 0 NOT NULL,
	"salary_min_fen" integer NOT NULL,
	"salary_max_fen" integer NOT NULL,
	"headcount" integer DEFAULT 1 NOT NULL,
	"work_mode" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"is_digital" boolean NOT NULL,
	"status" text NOT NULL,
	"vetting" jsonb DEFAULT '{"findings":[]}'::jsonb NOT NULL,
	"vetting_override_reason" text,
	"dedupe_key" text NOT NULL,
	"search_tokens" text NOT NULL,
	"search_tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_tokens)) STORED,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "job_postings_salary_range" CHECK ("job_postings"."salary_min_fen" >= 0 and "job_postings"."salary_min_fen" <= "job_postings"."salary_max_fen"),
	CONSTRAINT "job_postings_validity" CHECK ("job_postings"."valid_from" <= "job_postings"."valid_until"),
	CONSTRAINT "job_postings_headcount" CHECK ("job_postings"."headcount" >= 1)
);
--> statement-breakpoint
ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_postings_tsv_idx" ON "job_postings" USING gin ("search_tsv");--> statement-breakpoint
CREATE INDEX "job_postings_title_trgm_idx" ON "job_postings" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "job_postings_status_region_idx" ON "job_postings" USING btree ("status","region_code" text_pattern_ops,"published_at");--> statement-breakpoint
CREATE INDEX "job_postings_status_published_idx" ON "job_postings" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "job_postings_status_salary_idx" ON "job_postings" USING btree ("status","salary_max_fen");--> statement-breakpoint
CREATE INDEX "job_postings_status_occupation_idx" ON "job_postings" USING btree ("status","occupation_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "job_postings_org_idx" ON "job_postings" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "job_postings_dedupe_idx" ON "job_postings" USING btree ("org_id","dedupe_key");
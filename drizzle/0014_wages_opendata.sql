CREATE TABLE "wage_stats" (
	"source" text NOT NULL,
	"occupation_code" text NOT NULL,
	"city_code" text NOT NULL,
	"year" integer NOT NULL,
	"observations" integer NOT NULL,
	"p10_fen" integer,
	"p25_fen" integer,
	"p50_fen" integer,
	"p75_fen" integer,
	"p90_fen" integer,
	"suppressed" text,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "wage_stats_source_occupation_code_city_code_year_pk" PRIMARY KEY("source","occupation_code","city_code","year"),
	CONSTRAINT "wage_stats_suppression" CHECK (("wage_stats"."suppressed" is null) = ("wage_stats"."p50_fen" is not null))
);
--> statement-breakpoint
CREATE TABLE "wage_survey_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"file_name" text NOT NULL,
	"digest" text NOT NULL,
	"row_count" integer NOT NULL,
	"skipped_not_digital" integer NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid
);
--> statement-breakpoint
CREATE TABLE "wage_survey_rows" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"occupation_code" text NOT NULL,
	"region_code" text NOT NULL,
	"city_code" text NOT NULL,
	"year" integer NOT NULL,
	"monthly_fen" integer NOT NULL,
	CONSTRAINT "wage_survey_rows_pay" CHECK ("wage_survey_rows"."monthly_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "demand_monthly" (
	"month" text NOT NULL,
	"occupation_code" text NOT NULL,
	"city_code" text NOT NULL,
	"postings" integer NOT NULL,
	"headcount" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "demand_monthly_month_occupation_code_city_code_pk" PRIMARY KEY("month","occupation_code","city_code")
);
--> statement-breakpoint
ALTER TABLE "wage_survey_batches" ADD CONSTRAINT "wage_survey_batches_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wage_survey_batches" ADD CONSTRAINT "wage_survey_batches_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wage_survey_rows" ADD CONSTRAINT "wage_survey_rows_batch_id_wage_survey_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."wage_survey_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wage_stats_year_city_idx" ON "wage_stats" USING btree ("year","city_code");--> statement-breakpoint
CREATE UNIQUE INDEX "wage_survey_batches_digest_uidx" ON "wage_survey_batches" USING btree ("digest");--> statement-breakpoint
CREATE INDEX "wage_survey_batches_region_idx" ON "wage_survey_batches" USING btree ("region_code","uploaded_at");--> statement-breakpoint
CREATE INDEX "wage_survey_rows_batch_idx" ON "wage_survey_rows" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "wage_survey_rows_year_city_idx" ON "wage_survey_rows" USING btree ("year","city_code");
CREATE TABLE "dashboard_targets" (
	"indicator" text NOT NULL,
	"year" integer NOT NULL,
	"region_code" text NOT NULL,
	"value" bigint NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dashboard_targets_indicator_year_region_code_pk" PRIMARY KEY("indicator","year","region_code")
);
--> statement-breakpoint
CREATE TABLE "metric_days_histogram" (
	"metric" text NOT NULL,
	"region_code" text NOT NULL,
	"month" text NOT NULL,
	"days" integer NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "metric_days_histogram_metric_region_code_month_days_pk" PRIMARY KEY("metric","region_code","month","days")
);
--> statement-breakpoint
CREATE TABLE "metric_events" (
	"metric" text NOT NULL,
	"subject_id" text NOT NULL,
	"region_code" text NOT NULL,
	"month" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"occupation_code" text,
	"dimension" text DEFAULT '' NOT NULL,
	"digital" boolean DEFAULT false NOT NULL,
	"amount_fen" bigint,
	"days" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metric_events_metric_subject_id_pk" PRIMARY KEY("metric","subject_id")
);
--> statement-breakpoint
CREATE TABLE "metric_rollup_occupations" (
	"metric" text NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"occupation_code" text NOT NULL,
	"digital" boolean NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "metric_rollup_occupations_metric_region_code_year_occupation_code_digital_pk" PRIMARY KEY("metric","region_code","year","occupation_code","digital")
);
--> statement-breakpoint
CREATE TABLE "metric_rollups" (
	"metric" text NOT NULL,
	"region_code" text NOT NULL,
	"month" text NOT NULL,
	"dimension" text NOT NULL,
	"digital" boolean NOT NULL,
	"count" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "metric_rollups_metric_region_code_month_dimension_digital_pk" PRIMARY KEY("metric","region_code","month","dimension","digital")
);
--> statement-breakpoint
ALTER TABLE "dashboard_targets" ADD CONSTRAINT "dashboard_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
CREATE TABLE "import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"file_format" text NOT NULL,
	"file_bytes" integer NOT NULL,
	"file_sha256" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"owner_role" text NOT NULL,
	"org_id" uuid,
	"region_code" text NOT NULL,
	"task_id" uuid,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"reason_counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rejected_sample" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_keys" (
	"kind" text NOT NULL,
	"natural_key" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"content_hash" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "import_keys_kind_natural_key_pk" PRIMARY KEY("kind","natural_key")
);
--> statement-breakpoint
CREATE INDEX "import_batches_owner_idx" ON "import_batches" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "import_batches_region_idx" ON "import_batches" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "import_keys_entity_idx" ON "import_keys" USING btree ("entity_id");
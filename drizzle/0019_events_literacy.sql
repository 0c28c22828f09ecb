ALTER TABLE "recruitment_events" ADD COLUMN "walk_in_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "recruitment_events" ADD COLUMN "walk_in_recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "recruitment_events" ADD COLUMN "walk_in_recorded_by" uuid;--> statement-breakpoint
ALTER TABLE "recruitment_events" ADD CONSTRAINT "recruitment_events_walk_in_recorded_by_users_id_fk" FOREIGN KEY ("walk_in_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_events" ADD CONSTRAINT "recruitment_events_walk_in" CHECK ("recruitment_events"."walk_in_count" >= 0);
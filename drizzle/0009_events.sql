CREATE TABLE "event_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"status" text NOT NULL,
	"job_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"talent_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"status" text NOT NULL,
	"ticket_nonce" text NOT NULL,
	"ticket_code" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"organiser" text NOT NULL,
	"region_code" text NOT NULL,
	"venue" text,
	"online_url" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"registration_deadline" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"description" text NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "recruitment_events_capacity" CHECK ("recruitment_events"."capacity" >= 1),
	CONSTRAINT "recruitment_events_times" CHECK ("recruitment_events"."starts_at" < "recruitment_events"."ends_at")
);
--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_event_id_recruitment_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_id_recruitment_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_talent_id_users_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_checked_in_by_users_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_events" ADD CONSTRAINT "recruitment_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_participants_event_org_uidx" ON "event_participants" USING btree ("event_id","org_id");--> statement-breakpoint
CREATE INDEX "event_participants_org_idx" ON "event_participants" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_active_uidx" ON "event_registrations" USING btree ("event_id","talent_id") WHERE "event_registrations"."status" in ('registered', 'waitlisted');--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_code_uidx" ON "event_registrations" USING btree ("event_id","ticket_code");--> statement-breakpoint
CREATE INDEX "event_registrations_event_status_idx" ON "event_registrations" USING btree ("event_id","status","registered_at");--> statement-breakpoint
CREATE INDEX "event_registrations_talent_idx" ON "event_registrations" USING btree ("talent_id","registered_at");--> statement-breakpoint
CREATE INDEX "recruitment_events_status_start_idx" ON "recruitment_events" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "recruitment_events_region_idx" ON "recruitment_events" USING btree ("region_code" text_pattern_ops,"starts_at");
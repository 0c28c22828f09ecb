CREATE TABLE "talent_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"sender_id" uuid NOT NULL,
	"talent_id" uuid NOT NULL,
	"job_id" uuid,
	"region_code" text NOT NULL,
	"status" text NOT NULL,
	"message" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"application_id" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "talent_profiles" ADD COLUMN "search_tokens" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "talent_profiles" ADD COLUMN "search_tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_tokens)) STORED;--> statement-breakpoint
ALTER TABLE "talent_invitations" ADD CONSTRAINT "talent_invitations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_invitations" ADD CONSTRAINT "talent_invitations_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_invitations" ADD CONSTRAINT "talent_invitations_talent_id_users_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_invitations" ADD CONSTRAINT "talent_invitations_job_id_job_postings_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job_postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_invitations" ADD CONSTRAINT "talent_invitations_application_id_job_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."job_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "talent_invitations_open_uidx" ON "talent_invitations" USING btree ("org_id","talent_id",coalesce("job_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "talent_invitations"."status" = 'sent';--> statement-breakpoint
CREATE INDEX "talent_invitations_talent_idx" ON "talent_invitations" USING btree ("talent_id","sent_at");--> statement-breakpoint
CREATE INDEX "talent_invitations_org_idx" ON "talent_invitations" USING btree ("org_id","sent_at");--> statement-breakpoint
CREATE INDEX "talent_invitations_expiry_idx" ON "talent_invitations" USING btree ("expires_at") WHERE "talent_invitations"."status" = 'sent';--> statement-breakpoint
CREATE INDEX "talent_profiles_tsv_idx" ON "talent_profiles" USING gin ("search_tsv");--> statement-breakpoint
CREATE INDEX "talent_profiles_open_updated_idx" ON "talent_profiles" USING btree ("updated_at" DESC NULLS LAST) WHERE "talent_profiles"."visibility" <> 'private';
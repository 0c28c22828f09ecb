CREATE TABLE "catalogue_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"occupation_code" text NOT NULL,
	"work_type" text DEFAULT '' NOT NULL,
	"level_code" text DEFAULT '' NOT NULL,
	"subsidy_fen" integer,
	"digital" boolean NOT NULL,
	"note" text,
	CONSTRAINT "catalogue_entries_subsidy" CHECK ("catalogue_entries"."subsidy_fen" is null or "catalogue_entries"."subsidy_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "catalogue_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"region_code" text NOT NULL,
	"label" text NOT NULL,
	"document_no" text,
	"status" text NOT NULL,
	"effective_from" text NOT NULL,
	"effective_to" text,
	"note" text,
	"created_by" uuid,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalogue_versions_dates" CHECK ("catalogue_versions"."effective_to" is null or "catalogue_versions"."effective_to" >= "catalogue_versions"."effective_from")
);
--> statement-breakpoint
CREATE TABLE "accreditation_items" (
	"accreditation_id" uuid NOT NULL,
	"occupation_code" text NOT NULL,
	"level_code" text NOT NULL,
	CONSTRAINT "accreditation_items_accreditation_id_occupation_code_level_code_pk" PRIMARY KEY("accreditation_id","occupation_code","level_code")
);
--> statement-breakpoint
CREATE TABLE "accreditations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"purpose" text NOT NULL,
	"status" text NOT NULL,
	"statement" text NOT NULL,
	"valid_until" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_bases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"host_org_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "community_bases_name" CHECK (length("community_bases"."name") > 0)
);
--> statement-breakpoint
CREATE TABLE "community_members" (
	"community_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"member_role" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	CONSTRAINT "community_members_community_id_org_id_pk" PRIMARY KEY("community_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "community_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integration_communities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"lead_org_id" uuid NOT NULL,
	"description" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_profiles" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"category" text NOT NULL,
	"region_code" text NOT NULL,
	"description" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalogue_entries" ADD CONSTRAINT "catalogue_entries_version_id_catalogue_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."catalogue_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_entries" ADD CONSTRAINT "catalogue_entries_occupation_code_occupations_code_fk" FOREIGN KEY ("occupation_code") REFERENCES "public"."occupations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_versions" ADD CONSTRAINT "catalogue_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_versions" ADD CONSTRAINT "catalogue_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accreditation_items" ADD CONSTRAINT "accreditation_items_accreditation_id_accreditations_id_fk" FOREIGN KEY ("accreditation_id") REFERENCES "public"."accreditations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accreditation_items" ADD CONSTRAINT "accreditation_items_occupation_code_occupations_code_fk" FOREIGN KEY ("occupation_code") REFERENCES "public"."occupations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accreditations" ADD CONSTRAINT "accreditations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accreditations" ADD CONSTRAINT "accreditations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accreditations" ADD CONSTRAINT "accreditations_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_bases" ADD CONSTRAINT "community_bases_community_id_integration_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."integration_communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_bases" ADD CONSTRAINT "community_bases_host_org_id_organisations_id_fk" FOREIGN KEY ("host_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_members" ADD CONSTRAINT "community_members_community_id_integration_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."integration_communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_members" ADD CONSTRAINT "community_members_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_programmes" ADD CONSTRAINT "community_programmes_community_id_integration_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."integration_communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_communities" ADD CONSTRAINT "integration_communities_lead_org_id_organisations_id_fk" FOREIGN KEY ("lead_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_communities" ADD CONSTRAINT "integration_communities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_profiles" ADD CONSTRAINT "provider_profiles_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_profiles" ADD CONSTRAINT "provider_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_entries_key_uidx" ON "catalogue_entries" USING btree ("version_id","occupation_code","work_type","level_code");--> statement-breakpoint
CREATE INDEX "catalogue_entries_occupation_idx" ON "catalogue_entries" USING btree ("occupation_code","level_code");--> statement-breakpoint
CREATE INDEX "catalogue_versions_lookup_idx" ON "catalogue_versions" USING btree ("kind","region_code","status","effective_from");--> statement-breakpoint
CREATE INDEX "catalogue_versions_region_idx" ON "catalogue_versions" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "accreditation_items_lookup_idx" ON "accreditation_items" USING btree ("occupation_code","level_code");--> statement-breakpoint
CREATE INDEX "accreditations_org_idx" ON "accreditations" USING btree ("org_id","purpose","status");--> statement-breakpoint
CREATE INDEX "accreditations_region_idx" ON "accreditations" USING btree ("region_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "accreditations_expiry_idx" ON "accreditations" USING btree ("status","valid_until");--> statement-breakpoint
CREATE INDEX "community_members_org_idx" ON "community_members" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "integration_communities_name_uidx" ON "integration_communities" USING btree ("name");--> statement-breakpoint
CREATE INDEX "integration_communities_region_idx" ON "integration_communities" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "provider_profiles_category_idx" ON "provider_profiles" USING btree ("category","region_code");
CREATE TABLE "venture_carriers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"region_code" text NOT NULL,
	"focus_fields" jsonb NOT NULL,
	"capacity" integer NOT NULL,
	"manager_org_id" uuid NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "venture_giants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"field" text NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "venture_incubations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"carrier_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "venture_interests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"investor_kind" text NOT NULL,
	"fields" jsonb NOT NULL,
	"stages" jsonb NOT NULL,
	"ticket_min_fen" bigint NOT NULL,
	"ticket_max_fen" bigint NOT NULL,
	"regions" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "venture_interests_ticket_range" CHECK ("venture_interests"."ticket_min_fen" >= 0 and "venture_interests"."ticket_min_fen" <= "venture_interests"."ticket_max_fen")
);
--> statement-breakpoint
CREATE TABLE "venture_introductions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"interest_id" uuid,
	"investor_org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"message" text NOT NULL,
	"status" text NOT NULL,
	"requested_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "venture_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incubation_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"planned_on" date NOT NULL,
	"done_on" date,
	"evidence" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "venture_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"stage" text NOT NULL,
	"industry_code" text NOT NULL,
	"digital_field" text NOT NULL,
	"region_code" text NOT NULL,
	"summary" text NOT NULL,
	"team_size" integer NOT NULL,
	"funding_sought_fen" bigint NOT NULL,
	"needs" jsonb NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"owner_org_id" uuid,
	"status" text NOT NULL,
	"return_reason" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "venture_projects_funding_nonneg" CHECK ("venture_projects"."funding_sought_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "venture_carriers" ADD CONSTRAINT "venture_carriers_manager_org_id_organisations_id_fk" FOREIGN KEY ("manager_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_carriers" ADD CONSTRAINT "venture_carriers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_giants" ADD CONSTRAINT "venture_giants_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_giants" ADD CONSTRAINT "venture_giants_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_incubations" ADD CONSTRAINT "venture_incubations_project_id_venture_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."venture_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_incubations" ADD CONSTRAINT "venture_incubations_carrier_id_venture_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."venture_carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_interests" ADD CONSTRAINT "venture_interests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_interests" ADD CONSTRAINT "venture_interests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_introductions" ADD CONSTRAINT "venture_introductions_project_id_venture_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."venture_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_introductions" ADD CONSTRAINT "venture_introductions_interest_id_venture_interests_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."venture_interests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_introductions" ADD CONSTRAINT "venture_introductions_investor_org_id_organisations_id_fk" FOREIGN KEY ("investor_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_introductions" ADD CONSTRAINT "venture_introductions_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_milestones" ADD CONSTRAINT "venture_milestones_incubation_id_venture_incubations_id_fk" FOREIGN KEY ("incubation_id") REFERENCES "public"."venture_incubations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_milestones" ADD CONSTRAINT "venture_milestones_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_projects" ADD CONSTRAINT "venture_projects_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_projects" ADD CONSTRAINT "venture_projects_owner_org_id_organisations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "venture_carriers_region_idx" ON "venture_carriers" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "venture_carriers_manager_idx" ON "venture_carriers" USING btree ("manager_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "venture_giants_org_uidx" ON "venture_giants" USING btree ("org_id") WHERE "venture_giants"."status" <> 'removed';--> statement-breakpoint
CREATE INDEX "venture_giants_region_idx" ON "venture_giants" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "venture_incubations_open_uidx" ON "venture_incubations" USING btree ("project_id","carrier_id") WHERE "venture_incubations"."status" in ('applied', 'accepted', 'incubating');--> statement-breakpoint
CREATE UNIQUE INDEX "venture_incubations_incubating_uidx" ON "venture_incubations" USING btree ("project_id") WHERE "venture_incubations"."status" = 'incubating';--> statement-breakpoint
CREATE INDEX "venture_incubations_carrier_idx" ON "venture_incubations" USING btree ("carrier_id");--> statement-breakpoint
CREATE INDEX "venture_interests_org_idx" ON "venture_interests" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "venture_introductions_open_uidx" ON "venture_introductions" USING btree ("investor_org_id","project_id") WHERE "venture_introductions"."status" in ('requested', 'consented');--> statement-breakpoint
CREATE INDEX "venture_introductions_project_idx" ON "venture_introductions" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "venture_milestones_incubation_idx" ON "venture_milestones" USING btree ("incubation_id");--> statement-breakpoint
CREATE INDEX "venture_projects_region_idx" ON "venture_projects" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "venture_projects_status_idx" ON "venture_projects" USING btree ("status");--> statement-breakpoint
CREATE INDEX "venture_projects_owner_user_idx" ON "venture_projects" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "venture_projects_owner_org_idx" ON "venture_projects" USING btree ("owner_org_id");
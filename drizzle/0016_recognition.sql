CREATE TABLE "flexible_introductions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_name" text NOT NULL,
	"kind" text NOT NULL,
	"host_org_id" uuid,
	"host_name" text NOT NULL,
	"home_institution" text NOT NULL,
	"region_code" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme" text NOT NULL,
	"talent_user_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"employer_org_id" uuid,
	"employer_name" text NOT NULL,
	"project_title" text NOT NULL,
	"summary" text NOT NULL,
	"status" text NOT NULL,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"submitted_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"deadline" date NOT NULL,
	"recipient_user_id" uuid,
	"region_code" text NOT NULL,
	"working_days_left" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recognition_alerts_kind" CHECK ("recognition_alerts"."kind" in ('reminder', 'escalation'))
);
--> statement-breakpoint
CREATE TABLE "recognition_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"talent_user_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"category_code" text NOT NULL,
	"granted_category_code" text,
	"employer_org_id" uuid,
	"employer_name" text NOT NULL,
	"field" text NOT NULL,
	"achievements" text NOT NULL,
	"status" text NOT NULL,
	"handler_user_id" uuid,
	"accepted_on" date,
	"limit_working_days" integer NOT NULL,
	"paused_working_days" integer DEFAULT 0 NOT NULL,
	"paused_since" date,
	"deadline" date,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"submitted_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recognition_applications_paused" CHECK ("recognition_applications"."paused_working_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "recognition_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"rank" integer NOT NULL,
	"criteria" jsonb NOT NULL,
	"limit_working_days" integer NOT NULL,
	"benefits" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"subject_kind" text,
	"subject_id" uuid,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"stored_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recognition_materials_stored_name_unique" UNIQUE("stored_name")
);
--> statement-breakpoint
CREATE TABLE "recognition_reviewers" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"affiliation_name" text NOT NULL,
	"affiliation_org_id" uuid,
	"expertise" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"reviewer_user_id" uuid NOT NULL,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"score" integer,
	"comment" text,
	"scored_at" timestamp with time zone,
	CONSTRAINT "recognition_reviews_score" CHECK ("recognition_reviews"."score" is null or ("recognition_reviews"."score" between 0 and 100))
);
--> statement-breakpoint
CREATE TABLE "recognition_supervisors" (
	"region_code" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_entitlements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"talent_user_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"benefit" text NOT NULL,
	"department" text NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_stations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"host_org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"field" text NOT NULL,
	"digital_economy" boolean NOT NULL,
	"approval_doc_no" text,
	"approved_on" date,
	"region_code" text NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "flexible_introductions" ADD CONSTRAINT "flexible_introductions_host_org_id_organisations_id_fk" FOREIGN KEY ("host_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flexible_introductions" ADD CONSTRAINT "flexible_introductions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_applications" ADD CONSTRAINT "programme_applications_talent_user_id_users_id_fk" FOREIGN KEY ("talent_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_applications" ADD CONSTRAINT "programme_applications_employer_org_id_organisations_id_fk" FOREIGN KEY ("employer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_alerts" ADD CONSTRAINT "recognition_alerts_application_id_recognition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recognition_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_alerts" ADD CONSTRAINT "recognition_alerts_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_talent_user_id_users_id_fk" FOREIGN KEY ("talent_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_category_code_recognition_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."recognition_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_granted_category_code_recognition_categories_code_fk" FOREIGN KEY ("granted_category_code") REFERENCES "public"."recognition_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_employer_org_id_organisations_id_fk" FOREIGN KEY ("employer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_handler_user_id_users_id_fk" FOREIGN KEY ("handler_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_materials" ADD CONSTRAINT "recognition_materials_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_reviewers" ADD CONSTRAINT "recognition_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_reviewers" ADD CONSTRAINT "recognition_reviewers_affiliation_org_id_organisations_id_fk" FOREIGN KEY ("affiliation_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_reviews" ADD CONSTRAINT "recognition_reviews_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_reviews" ADD CONSTRAINT "recognition_reviews_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_supervisors" ADD CONSTRAINT "recognition_supervisors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_entitlements" ADD CONSTRAINT "talent_entitlements_application_id_recognition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recognition_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_entitlements" ADD CONSTRAINT "talent_entitlements_talent_user_id_users_id_fk" FOREIGN KEY ("talent_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_entitlements" ADD CONSTRAINT "talent_entitlements_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_stations" ADD CONSTRAINT "talent_stations_host_org_id_organisations_id_fk" FOREIGN KEY ("host_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_stations" ADD CONSTRAINT "talent_stations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flexible_introductions_region_idx" ON "flexible_introductions" USING btree ("region_code" text_pattern_ops,"starts_on");--> statement-breakpoint
CREATE INDEX "flexible_introductions_host_idx" ON "flexible_introductions" USING btree ("host_org_id");--> statement-breakpoint
CREATE INDEX "programme_applications_region_idx" ON "programme_applications" USING btree ("region_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "programme_applications_talent_idx" ON "programme_applications" USING btree ("talent_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recognition_alerts_once_uidx" ON "recognition_alerts" USING btree ("application_id","kind","deadline");--> statement-breakpoint
CREATE INDEX "recognition_alerts_recipient_idx" ON "recognition_alerts" USING btree ("recipient_user_id","created_at");--> statement-breakpoint
CREATE INDEX "recognition_applications_region_idx" ON "recognition_applications" USING btree ("region_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "recognition_applications_talent_idx" ON "recognition_applications" USING btree ("talent_user_id");--> statement-breakpoint
CREATE INDEX "recognition_applications_deadline_idx" ON "recognition_applications" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "recognition_materials_subject_idx" ON "recognition_materials" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "recognition_materials_owner_idx" ON "recognition_materials" USING btree ("owner_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recognition_reviews_subject_reviewer_uidx" ON "recognition_reviews" USING btree ("subject_kind","subject_id","reviewer_user_id");--> statement-breakpoint
CREATE INDEX "recognition_reviews_reviewer_idx" ON "recognition_reviews" USING btree ("reviewer_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "talent_entitlements_application_benefit_uidx" ON "talent_entitlements" USING btree ("application_id","benefit");--> statement-breakpoint
CREATE INDEX "talent_entitlements_department_idx" ON "talent_entitlements" USING btree ("department","region_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "talent_entitlements_talent_idx" ON "talent_entitlements" USING btree ("talent_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "talent_stations_host_kind_uidx" ON "talent_stations" USING btree ("host_org_id","kind","name");--> statement-breakpoint
CREATE INDEX "talent_stations_region_idx" ON "talent_stations" USING btree ("region_code" text_pattern_ops,"status");
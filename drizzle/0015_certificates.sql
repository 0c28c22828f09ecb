CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"holder_user_id" uuid NOT NULL,
	"holder_name" text NOT NULL,
	"region_code" text NOT NULL,
	"occupation_code" text NOT NULL,
	"level_code" text NOT NULL,
	"issuer_org_id" uuid,
	"issuer_name" text NOT NULL,
	"source" text NOT NULL,
	"source_ref" text NOT NULL,
	"issued_on" date NOT NULL,
	"status" text NOT NULL,
	"signature" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"revoked_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"source" text NOT NULL,
	"enrolment_id" uuid,
	"theory_score" numeric(4, 1),
	"practical_score" numeric(4, 1),
	"result" text NOT NULL,
	"certificate_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"occupation_code" text NOT NULL,
	"level_code" text NOT NULL,
	"theory_pass_score" integer NOT NULL,
	"practical_pass_score" integer NOT NULL,
	"description" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"occupation_code" text NOT NULL,
	"level_code" text NOT NULL,
	"exam_on" date NOT NULL,
	"venue" text NOT NULL,
	"capacity" integer NOT NULL,
	"status" text NOT NULL,
	"results_published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evaluation_sessions_capacity" CHECK ("evaluation_sessions"."capacity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "qualification_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"stored_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"certificate_no" text NOT NULL,
	"issued_on" date NOT NULL,
	"authority" text NOT NULL,
	"occupation_code" text,
	"evidence_id" uuid NOT NULL,
	"status" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"enrolment_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"checked_in_by" uuid,
	"method" text NOT NULL,
	CONSTRAINT "training_attendance_enrolment_id_session_id_pk" PRIMARY KEY("enrolment_id","session_id")
);
--> statement-breakpoint
CREATE TABLE "training_classes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"programme_type" text NOT NULL,
	"engineer_grade" text,
	"occupation_code" text,
	"level_code" text,
	"digital" boolean DEFAULT false NOT NULL,
	"skill_ids" text[] DEFAULT '{}' NOT NULL,
	"capacity" integer NOT NULL,
	"mode" text NOT NULL,
	"venue" text,
	"online_url" text,
	"region_code" text NOT NULL,
	"fee_fen" integer NOT NULL,
	"subsidy_eligible" boolean DEFAULT false NOT NULL,
	"subsidy_fen" integer,
	"subsidy_catalogue_version_id" text,
	"subsidy_catalogue_label" text,
	"has_exam" boolean DEFAULT false NOT NULL,
	"attendance_threshold" integer DEFAULT 80 NOT NULL,
	"description" text NOT NULL,
	"starts_on" text NOT NULL,
	"ends_on" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"last_session_starts_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "training_classes_capacity" CHECK ("training_classes"."capacity" >= 1),
	CONSTRAINT "training_classes_fee" CHECK ("training_classes"."fee_fen" >= 0),
	CONSTRAINT "training_classes_threshold" CHECK ("training_classes"."attendance_threshold" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "training_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_id" uuid NOT NULL,
	"talent_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"status" text NOT NULL,
	"sponsor_org_id" uuid,
	"sponsor_note" text,
	"ticket_nonce" text NOT NULL,
	"ticket_code" text NOT NULL,
	"enrolled_at" timestamp with time zone NOT NULL,
	"seated_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"exam_passed" boolean,
	"exam_score" integer,
	"attended_sessions" integer,
	"total_sessions" integer,
	"outcome_reason" text,
	"completed_at" timestamp with time zone,
	"rating_stars" integer,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_enrolments_rating" CHECK ("training_enrolments"."rating_stars" is null or "training_enrolments"."rating_stars" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"topic" text NOT NULL,
	CONSTRAINT "training_sessions_times" CHECK ("training_sessions"."starts_at" < "training_sessions"."ends_at")
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_holder_user_id_users_id_fk" FOREIGN KEY ("holder_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_issuer_org_id_organisations_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_candidates" ADD CONSTRAINT "evaluation_candidates_session_id_evaluation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."evaluation_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_candidates" ADD CONSTRAINT "evaluation_candidates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_plans" ADD CONSTRAINT "evaluation_plans_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_plans" ADD CONSTRAINT "evaluation_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sessions" ADD CONSTRAINT "evaluation_sessions_plan_id_evaluation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."evaluation_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sessions" ADD CONSTRAINT "evaluation_sessions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sessions" ADD CONSTRAINT "evaluation_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification_evidence" ADD CONSTRAINT "qualification_evidence_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_evidence_id_qualification_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."qualification_evidence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_checked_in_by_users_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_talent_id_users_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_sponsor_org_id_organisations_id_fk" FOREIGN KEY ("sponsor_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_number_uidx" ON "certificates" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_source_uidx" ON "certificates" USING btree ("source","source_ref");--> statement-breakpoint
CREATE INDEX "certificates_holder_idx" ON "certificates" USING btree ("holder_user_id","status");--> statement-breakpoint
CREATE INDEX "certificates_region_idx" ON "certificates" USING btree ("region_code" text_pattern_ops,"issued_on");--> statement-breakpoint
CREATE INDEX "certificates_issuer_idx" ON "certificates" USING btree ("issuer_org_id","issued_on");--> statement-breakpoint
CREATE INDEX "certificates_updated_idx" ON "certificates" USING btree ("updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_candidates_session_user_uidx" ON "evaluation_candidates" USING btree ("session_id","user_id");--> statement-breakpoint
CREATE INDEX "evaluation_candidates_user_idx" ON "evaluation_candidates" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "evaluation_plans_org_idx" ON "evaluation_plans" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "evaluation_sessions_org_idx" ON "evaluation_sessions" USING btree ("org_id","exam_on");--> statement-breakpoint
CREATE INDEX "evaluation_sessions_status_idx" ON "evaluation_sessions" USING btree ("status","exam_on");--> statement-breakpoint
CREATE INDEX "qualifications_user_idx" ON "qualifications" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "qualifications_region_status_idx" ON "qualifications" USING btree ("region_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "training_attendance_session_idx" ON "training_attendance" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "training_classes_status_start_idx" ON "training_classes" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "training_classes_region_idx" ON "training_classes" USING btree ("region_code" text_pattern_ops,"starts_at");--> statement-breakpoint
CREATE INDEX "training_classes_provider_idx" ON "training_classes" USING btree ("provider_org_id","starts_at");--> statement-breakpoint
CREATE INDEX "training_classes_skills_idx" ON "training_classes" USING gin ("skill_ids");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_active_uidx" ON "training_enrolments" USING btree ("class_id","talent_id") WHERE "training_enrolments"."status" in ('offered', 'enrolled', 'waitlisted');--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_code_uidx" ON "training_enrolments" USING btree ("class_id","ticket_code");--> statement-breakpoint
CREATE INDEX "training_enrolments_class_status_idx" ON "training_enrolments" USING btree ("class_id","status","enrolled_at");--> statement-breakpoint
CREATE INDEX "training_enrolments_talent_idx" ON "training_enrolments" USING btree ("talent_id","enrolled_at");--> statement-breakpoint
CREATE INDEX "training_enrolments_sponsor_idx" ON "training_enrolments" USING btree ("sponsor_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_sessions_class_seq_uidx" ON "training_sessions" USING btree ("class_id","seq");
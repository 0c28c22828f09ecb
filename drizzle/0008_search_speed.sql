CREATE TABLE "job_search_changes" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"job_id" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "job_search_changes_xid_idx" ON "job_search_changes" USING btree ("xid");--> statement-breakpoint
CREATE INDEX "job_search_changes_changed_at_idx" ON "job_search_changes" USING btree ("changed_at");--> statement-breakpoint
-- Hand-written (ADR 0011): every statement that writes a posting which is or was published logs its id
-- for the in-process search index. Statement-level triggers with transition tables: one INSERT … SELECT
-- per statement, whatever its size.
CREATE FUNCTION job_search_log_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO job_search_changes (job_id) SELECT id FROM new_rows WHERE status = 'published';
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION job_search_log_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO job_search_changes (job_id) SELECT id FROM old_rows WHERE status = 'published';
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION job_search_log_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO job_search_changes (job_id)
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.status = 'published' OR o.status = 'published';
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER job_postings_search_insert AFTER INSERT ON job_postings
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION job_search_log_new();--> statement-breakpoint
CREATE TRIGGER job_postings_search_update AFTER UPDATE ON job_postings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION job_search_log_update();--> statement-breakpoint
CREATE TRIGGER job_postings_search_delete AFTER DELETE ON job_postings
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION job_search_log_old();

-- The audit trail and workflow history are append-only: the application can only insert.
CREATE OR REPLACE FUNCTION gancai_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'append-only table %', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION gancai_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION gancai_refuse_change();
--> statement-breakpoint
CREATE TRIGGER workflow_events_no_update BEFORE UPDATE OR DELETE ON workflow_events FOR EACH ROW EXECUTE FUNCTION gancai_refuse_change();

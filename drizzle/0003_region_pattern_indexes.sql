DROP INDEX "audit_log_region_at_idx";--> statement-breakpoint
DROP INDEX "users_region_idx";--> statement-breakpoint
DROP INDEX "users_role_region_idx";--> statement-breakpoint
DROP INDEX "organisations_region_idx";--> statement-breakpoint
CREATE INDEX "audit_log_region_at_idx" ON "audit_log" USING btree ("region_code" text_pattern_ops,"at");--> statement-breakpoint
CREATE INDEX "users_region_idx" ON "users" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "users_role_region_idx" ON "users" USING btree ("role","region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "organisations_region_idx" ON "organisations" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE TRIGGER workflow_events_no_truncate BEFORE TRUNCATE ON workflow_events FOR EACH STATEMENT EXECUTE FUNCTION gancai_refuse_change();

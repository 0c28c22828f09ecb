ALTER TABLE "catalogue_entries" DROP CONSTRAINT "catalogue_entries_occupation_code_occupations_code_fk";
--> statement-breakpoint
ALTER TABLE "accreditation_items" DROP CONSTRAINT "accreditation_items_occupation_code_occupations_code_fk";

CREATE INDEX "offers_sort_da_idx" ON "offers" USING btree ("sort_da" collate "C","id");--> statement-breakpoint
CREATE INDEX "offers_sort_en_idx" ON "offers" USING btree ("sort_en" collate "C","id");
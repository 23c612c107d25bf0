import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea, primaryId } from '../db/columns.ts';

/**
 * Uploaded images (organisation logos), stored only after they were decoded and re-encoded, so
 * what is served is always an image we wrote ourselves. Kept in the database so several app
 * instances serve the same files and a backup of the database is a backup of everything.
 */
export const media = pgTable('media', {
	id: primaryId(),
	/** SHA-256 of the re-encoded bytes: the same picture uploaded twice is stored once. */
	sha256: text('sha256').notNull().unique(),
	contentType: text('content_type').$type<'image/webp'>().notNull(),
	bytes: bytea('bytes').notNull(),
	width: integer('width').notNull(),
	height: integer('height').notNull(),
	createdBy: text('created_by').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

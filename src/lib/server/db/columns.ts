import { timestamp } from 'drizzle-orm/pg-core';

/**
 * When a row was made and when it last changed: the same two columns on every table that keeps
 * both. A function, so each table gets column builders of its own.
 */
export const timestamps = () => ({
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

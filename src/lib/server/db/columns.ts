import { sql } from 'drizzle-orm';
import { customType, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A row's id: a random UUID. */
export const primaryId = () => uuid('id').primaryKey().defaultRandom();

/** Text in Danish (required) and English (optional; Danish is shown with a note when missing). */
export type Localized = { da: string; en?: string };

/** A text in Danish and English (`jsonb`, a `Localized`); add `.notNull()` where it is required. */
export const localized = (name: string) => jsonb(name).$type<Localized>();

/**
 * When a row was made and when it last changed: the same two columns on every table that keeps
 * both. A function, so each table gets column builders of its own.
 */
export const timestamps = () => ({
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** Ids of other rows (`uuid[]`), none by default: what an event or an initiative links to. */
export const uuidList = (name: string) =>
	uuid(name)
		.array()
		.notNull()
		.default(sql`'{}'`);

/** Words from a vocabulary (`text[]`: categories, audiences, levels), none by default. */
export const textList = (name: string) =>
	text(name)
		.array()
		.notNull()
		.default(sql`'{}'`);

/** PostgreSQL's `tsvector`, for the generated search columns. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Bytes (`bytea`), as a Buffer whichever engine returns them. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value))
});

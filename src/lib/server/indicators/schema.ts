import { boolean, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { doublePrecision, index, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { primaryId } from '../db/columns.ts';

/** One import of one file into one indicator: who, when, what, and what it changed. */
export const importBatches = pgTable(
	'indicator_import_batches',
	{
		id: primaryId(),
		indicatorCode: text('indicator_code').notNull(),
		actor: text('actor').notNull(),
		importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
		fileName: text('file_name').notNull(),
		sha256: text('sha256').notNull(),
		format: text('format').notNull(),
		/** Demo data shipped with the platform, labelled as demo wherever it is shown. */
		isDemo: boolean('is_demo').notNull().default(false),
		added: integer('added').notNull(),
		changed: integer('changed').notNull(),
		removed: integer('removed').notNull()
	},
	(t) => [index('indicator_import_batches_code_idx').on(t.indicatorCode, t.importedAt)]
);

export type ObservationFlag = 'provisional' | 'suppressed';

/**
 * A value of an indicator for a period, a geography (Danmarks Statistik code) and a breakdown
 * (`{ "køn": "Kvinder" }`; `{}` is the total). A suppressed value is null, never 0.
 */
export const observations = pgTable(
	'indicator_observations',
	{
		indicatorCode: text('indicator_code').notNull(),
		period: text('period').notNull(),
		periodSort: integer('period_sort').notNull(),
		geo: text('geo').notNull(),
		breakdownKey: text('breakdown_key').notNull().default(''),
		breakdowns: jsonb('breakdowns').$type<Record<string, string>>().notNull().default({}),
		value: doublePrecision('value'),
		flags: text('flags').array().$type<ObservationFlag[]>().notNull().default([]),
		/**
		 * The import batch that last changed this value. Not a foreign key on purpose: the check
		 * costs about 5 s per million imported rows, and batches are append-only (nothing deletes
		 * them), so the reference cannot dangle.
		 */
		batchId: uuid('batch_id').notNull()
	},
	// One index: the natural key, ordered so that a series (indicator, area, breakdown) is one
	// range of it. Every index costs on a million-row import; this one serves the pages too.
	(t) => [primaryKey({ columns: [t.indicatorCode, t.geo, t.breakdownKey, t.period] })]
);

/** The column or dimension mapping last used for an indicator, reused by the next import. */
export const importMappings = pgTable('indicator_import_mappings', {
	indicatorCode: text('indicator_code').primaryKey(),
	mapping: jsonb('mapping').$type<Record<string, unknown>>().notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * A file an editor uploaded and previewed but has not confirmed yet. The confirm step imports
 * exactly these bytes; a draft is used once, belongs to its uploader and expires after an hour.
 */
export const uploadDrafts = pgTable('indicator_upload_drafts', {
	id: primaryId(),
	indicatorCode: text('indicator_code').notNull(),
	actor: text('actor').notNull(),
	fileName: text('file_name').notNull(),
	sha256: text('sha256').notNull(),
	/** The file, base64-encoded (both engines store text the same way). */
	content: text('content').notNull(),
	mapping: jsonb('mapping').$type<Record<string, unknown>>().notNull().default({}),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
});

/**
 * The StatBank sync of one indicator: the table and selection last fetched, the table's own
 * "last updated" time (the data's vintage, shown on the indicator page), and the last attempt.
 * A sync whose table has not changed since `vintage` fetches no data.
 */
export const statbankSyncs = pgTable('indicator_statbank_syncs', {
	indicatorCode: text('indicator_code').primaryKey(),
	sourceTable: text('source_table').notNull(),
	/** The selection and measure fetched, so a changed selection fetches again. */
	request: jsonb('request').$type<Record<string, unknown>>().notNull(),
	vintage: timestamp('vintage', { withTimezone: true }),
	batchId: uuid('batch_id'),
	checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
	succeededAt: timestamp('succeeded_at', { withTimezone: true }),
	/** Why the last attempt failed, in English and Danish; null after a success. */
	error: jsonb('error').$type<{ en: string; da: string }>()
});

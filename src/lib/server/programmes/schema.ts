import { sql, type SQL } from 'drizzle-orm';
import { boolean, integer, jsonb, numeric, text, uuid } from 'drizzle-orm/pg-core';
import { index, pgTable, uniqueIndex } from 'drizzle-orm/pg-core';
import { localized, primaryId, textList, timestamps, tsvector } from '../db/columns.ts';
import { organizationId } from '../directory/schema.ts';
import type { Requirements } from './prerequisites.ts';

/** A yearly application deadline in Danish time: kvote 1, kvote 2, or the institution's own. */
export interface Deadline {
	kind: 'kvote1' | 'kvote2' | 'institution';
	month: number;
	day: number;
	/** HH:MM in Danish time. */
	time: string;
}

/**
 * A programme (uddannelse) at an institution: what it is, where, the course, how to apply and
 * who can get in. Imported by its external id; `keywords` holds what the search also finds it
 * by (its level's and field's names, the institution's name), written with the row.
 */
export const programmes = pgTable(
	'programmes',
	{
		id: primaryId(),
		/** The import's key for the row. */
		externalId: text('external_id').notNull().unique(),
		slug: text('slug').notNull().unique(),
		organizationId: organizationId(),
		title: localized('title').notNull(),
		summary: localized('summary'),
		/** A code of `levels` in taxonomy/programmes.yaml. */
		level: text('level').notNull(),
		/** The level's place in taxonomy/programmes.yaml: the list's order without words. */
		levelRank: integer('level_rank').notNull().default(0),
		/** Its EUD main course and speciale, as the institution names them. */
		speciality: text('speciality'),
		/** Its field: a DISCED-15 code (broad field), where known. */
		field: text('field'),
		/** The towns it is taught in. */
		places: textList('places'),
		durationMonths: integer('duration_months'),
		ects: integer('ects'),
		/** The language it is taught in (da, en). */
		language: text('language').notNull().default('da'),
		/** The months it starts in (1-12). */
		startMonths: integer('start_months')
			.array()
			.notNull()
			.default(sql`'{}'`),
		/** Where one applies: optagelse.dk (the coordinated admission) or the institution. */
		applyVia: text('apply_via').$type<'optagelse' | 'institution'>().notNull(),
		deadlines: jsonb('deadlines')
			.$type<Deadline[]>()
			.notNull()
			.default(sql`'[]'`),
		requirementsText: localized('requirements_text'),
		requirements: jsonb('requirements')
			.$type<Requirements>()
			.notNull()
			.default(sql`'{"known":false,"routes":[]}'`),
		/** Gives SU (Statens Uddannelsesstøtte); null when not recorded. */
		su: boolean('su'),
		url: text('url'),
		ugUrl: text('ug_url'),
		/** The KOT optagelsesområde number, where there is one. */
		kotNumber: text('kot_number'),
		/** Where the facts were checked (an address and the date). */
		source: text('source').notNull(),
		keywords: text('keywords').notNull().default(''),
		isDemo: boolean('is_demo').notNull().default(false),
		...timestamps(),
		searchText: tsvector('search_text').generatedAlwaysAs(
			(): SQL =>
				sql`setweight(to_tsvector('danish'::regconfig, coalesce(${programmes.title}->>'da', '') || ' ' || coalesce(${programmes.speciality}, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(${programmes.title}->>'en', '')), 'A') || setweight(to_tsvector('danish'::regconfig, ${programmes.keywords}), 'B') || setweight(to_tsvector('danish'::regconfig, coalesce(${programmes.summary}->>'da', '')), 'C') || setweight(to_tsvector('english'::regconfig, coalesce(${programmes.summary}->>'en', '')), 'C')`
		)
	},
	(t) => [
		index('programmes_search_idx').using('gin', t.searchText),
		index('programmes_organization_idx').on(t.organizationId),
		// The list without words: by level as a student meets them, then by name.
		index('programmes_order_idx').on(t.levelRank, sql`(${t.title}->>'da')`, t.id),
		// The counts read these columns only.
		index('programmes_facets_idx').on(
			t.level,
			t.field,
			t.organizationId,
			t.language,
			t.durationMonths,
			t.su
		)
	]
);

/**
 * A programme's admission and outcome figures for one year, each with its source. Null: not
 * known. A figure named in `suppressed` was withheld by its publisher ("ikke offentliggjort").
 */
export const programmeFigures = pgTable(
	'programme_figures',
	{
		id: primaryId(),
		programmeId: uuid('programme_id')
			.notNull()
			.references(() => programmes.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		applicants: integer('applicants'),
		admitted: integer('admitted'),
		/** The kvote 1 cut-off grade; null with `allAdmitted` when every qualified applicant got in. */
		cutoff: numeric('cutoff', { precision: 3, scale: 1, mode: 'number' }),
		allAdmitted: boolean('all_admitted').notNull().default(false),
		/** The standby cut-off grade. */
		standby: numeric('standby', { precision: 3, scale: 1, mode: 'number' }),
		/** Graduate unemployment, 4th-7th quarter after finishing, in per cent. */
		unemployment: numeric('unemployment', { precision: 4, scale: 1, mode: 'number' }),
		/** Dropout in per cent. */
		dropout: numeric('dropout', { precision: 4, scale: 1, mode: 'number' }),
		suppressed: textList('suppressed'),
		source: text('source').notNull(),
		isDemo: boolean('is_demo').notNull().default(false),
		...timestamps()
	},
	(t) => [uniqueIndex('programme_figures_year_idx').on(t.programmeId, t.year)]
);

import { bigint, boolean, date, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { index, pgTable, unique } from 'drizzle-orm/pg-core';
import { bytea, localized, primaryId, textList, timestamps, uuidList } from '../db/columns.ts';
import { organizations } from '../directory/schema.ts';

/** Where an initiative is in its life: planned, under way, finished or stopped. */
export const LIFECYCLES = ['planlagt', 'i-gang', 'afsluttet', 'stoppet'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

/** An owner's judgement in an update: on track, at risk, delayed. */
export const HEALTHS = ['green', 'yellow', 'red'] as const;
export type Health = (typeof HEALTHS)[number];

/** An update is written (submitted), sent back with a comment (returned) or approved and locked. */
export const UPDATE_STATES = ['submitted', 'returned', 'approved'] as const;
export type UpdateState = (typeof UPDATE_STATES)[number];

/**
 * An initiative (indsats): what the municipality and its partners do to carry out one or more
 * of the strategy's actions, named by their codes (`1.2`).
 */
export const initiatives = pgTable(
	'initiatives',
	{
		id: primaryId(),
		slug: text('slug').notNull().unique(),
		/** The key an import matches rows on (the spreadsheet's `id`). */
		externalId: text('external_id').unique(),
		title: localized('title').notNull(),
		description: localized('description').notNull(),
		actionCodes: text('action_codes').array().notNull(),
		indicatorCodes: textList('indicator_codes'),
		ownerId: uuid('owner_id')
			.notNull()
			.references(() => organizations.id, { onDelete: 'restrict' }),
		/** The unit or person answerable inside the owner organisation. */
		responsible: text('responsible'),
		partnerIds: uuidList('partner_ids'),
		startDate: date('start_date'),
		endDate: date('end_date'),
		lifecycle: text('lifecycle').$type<Lifecycle>().notNull().default('planlagt'),
		/** Progress 0–100 as last entered or approved; milestones, when there are any, decide instead. */
		progress: integer('progress').notNull().default(0),
		budgetOre: bigint('budget_ore', { mode: 'number' }),
		/** Offers, postings and partnerships in the platform that carry it out. */
		offerIds: uuidList('offer_ids'),
		opportunityIds: uuidList('opportunity_ids'),
		partnershipIds: uuidList('partnership_ids'),
		isDemo: boolean('is_demo').notNull().default(false),
		...timestamps()
	},
	(t) => [
		index('initiatives_owner_idx').on(t.ownerId),
		index('initiatives_actions_idx').using('gin', t.actionCodes)
	]
);

export const milestones = pgTable(
	'initiative_milestones',
	{
		id: primaryId(),
		initiativeId: uuid('initiative_id')
			.notNull()
			.references(() => initiatives.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		title: text('title').notNull(),
		dueDate: date('due_date'),
		doneDate: date('done_date')
	},
	(t) => [unique('initiative_milestones_position_uq').on(t.initiativeId, t.position)]
);

/** What a round froze when it closed: the roll-up and each initiative's state. */
export interface RoundSnapshot {
	closedAt: string;
	initiatives: {
		id: string;
		lifecycle: Lifecycle;
		progress: number;
		health: Health | null;
		milestonesDone: number;
	}[];
}

/** A reporting round: the secretariat asks every open initiative's owner for a status by a deadline. */
export const reportingRounds = pgTable('reporting_rounds', {
	id: primaryId(),
	name: text('name').notNull(),
	deadline: date('deadline').notNull(),
	openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
	closedAt: timestamp('closed_at', { withTimezone: true }),
	/** The initiatives asked to report: those open (planned or under way) when the round opened. */
	initiativeIds: uuid('initiative_ids').array().notNull(),
	snapshot: jsonb('snapshot').$type<RoundSnapshot>(),
	isDemo: boolean('is_demo').notNull().default(false)
});

/**
 * One version of an owner's status in a round. A correction after a return is a new version;
 * every version is kept, and the approved one is locked.
 */
export const initiativeUpdates = pgTable(
	'initiative_updates',
	{
		id: primaryId(),
		initiativeId: uuid('initiative_id')
			.notNull()
			.references(() => initiatives.id, { onDelete: 'cascade' }),
		roundId: uuid('round_id')
			.notNull()
			.references(() => reportingRounds.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		state: text('state').$type<UpdateState>().notNull().default('submitted'),
		health: text('health').$type<Health>().notNull(),
		progress: integer('progress').notNull(),
		done: text('done').notNull(),
		next: text('next').notNull(),
		/** What is being done about it, required for yellow and red. */
		remedy: text('remedy'),
		authorId: text('author_id').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		reviewerId: text('reviewer_id'),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
		reviewComment: text('review_comment')
	},
	(t) => [
		unique('initiative_updates_version_uq').on(t.initiativeId, t.roundId, t.version),
		index('initiative_updates_round_idx').on(t.roundId)
	]
);

/** Which reminder mails a round has sent to whom, so none is sent twice. */
export const roundReminders = pgTable(
	'round_reminders',
	{
		roundId: uuid('round_id')
			.notNull()
			.references(() => reportingRounds.id, { onDelete: 'cascade' }),
		initiativeId: uuid('initiative_id')
			.notNull()
			.references(() => initiatives.id, { onDelete: 'cascade' }),
		/** `opened`, `7-days` or `1-day`. */
		kind: text('kind').notNull(),
		sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('round_reminders_uq').on(t.roundId, t.initiativeId, t.kind)]
);

/**
 * A council report built from a closed round: the data it was built from, frozen, and the two
 * files made from it. A rebuild is a new version; every version is kept.
 */
export const councilReports = pgTable(
	'council_reports',
	{
		id: primaryId(),
		roundId: uuid('round_id')
			.notNull()
			.references(() => reportingRounds.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		content: jsonb('content').notNull(),
		docx: bytea('docx').notNull(),
		pdf: bytea('pdf').notNull(),
		builtBy: text('built_by').notNull(),
		builtAt: timestamp('built_at', { withTimezone: true }).notNull().defaultNow(),
		/** Made public once the council has met; before that only staff read it. */
		publishedAt: timestamp('published_at', { withTimezone: true }),
		isDemo: boolean('is_demo').notNull().default(false)
	},
	(t) => [unique('council_reports_version_uq').on(t.roundId, t.version)]
);

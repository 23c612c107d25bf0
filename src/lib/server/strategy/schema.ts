import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { index, pgEnum, pgTable, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { primaryId } from '../db/columns.ts';
import type { LocalizedText, StrategyAction, StrategyDefinition } from './definition.ts';

type IndicatorDefinition = StrategyDefinition['guideposts'][number]['indicators'][number];
/** The indicator's follow-up details: unit, definition, source, baseline, series breaks. */
export type IndicatorMeta = Omit<IndicatorDefinition, 'code' | 'title' | 'direction'>;

/** Everything in a strategy file except its guideposts, which have tables of their own. */
export type StrategyContent = Omit<StrategyDefinition, 'slug' | 'title' | 'period' | 'guideposts'>;

export const strategies = pgTable(
	'strategies',
	{
		id: primaryId(),
		slug: text('slug').notNull().unique(),
		title: jsonb('title').$type<LocalizedText>().notNull(),
		periodStart: integer('period_start').notNull(),
		periodEnd: integer('period_end').notNull(),
		isActive: boolean('is_active').notNull().default(false),
		content: jsonb('content').$type<StrategyContent>().notNull(),
		loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow()
	},
	// At most one strategy is active: the one the public site shows.
	(t) => [
		uniqueIndex('strategies_one_active_idx')
			.on(t.isActive)
			.where(sql`${t.isActive}`)
	]
);

/** A pejlemærke (guidepost): one of the strategy's strategic directions. */
export const guideposts = pgTable(
	'guideposts',
	{
		id: primaryId(),
		strategyId: uuid('strategy_id')
			.notNull()
			.references(() => strategies.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		number: integer('number').notNull(),
		title: jsonb('title').$type<LocalizedText>().notNull(),
		intro: jsonb('intro').$type<LocalizedText[]>().notNull(),
		ambitions: jsonb('ambitions').$type<LocalizedText[]>().notNull(),
		/** `{ code, text }` since action codes; rows stored before hold bare texts (withActionCodes). */
		actions: jsonb('actions').$type<(StrategyAction | LocalizedText)[]>().notNull()
	},
	(t) => [unique('guideposts_strategy_slug_uq').on(t.strategyId, t.slug)]
);

export const indicatorDirectionEnum = pgEnum('indicator_direction', ['decrease', 'increase']);

/** An indicator as the strategy names it; its data and follow-up belong to the indicators module. */
export const strategyIndicators = pgTable(
	'strategy_indicators',
	{
		id: primaryId(),
		strategyId: uuid('strategy_id')
			.notNull()
			.references(() => strategies.id, { onDelete: 'cascade' }),
		guidepostId: uuid('guidepost_id')
			.notNull()
			.references(() => guideposts.id, { onDelete: 'cascade' }),
		code: text('code').notNull(),
		position: integer('position').notNull(),
		title: jsonb('title').$type<LocalizedText>().notNull(),
		direction: indicatorDirectionEnum('direction').notNull(),
		meta: jsonb('meta')
			.$type<IndicatorMeta>()
			.notNull()
			.default({ unit: 'percent', sdgTargets: [], breaks: [] })
	},
	(t) => [
		unique('strategy_indicators_strategy_code_uq').on(t.strategyId, t.code),
		index('strategy_indicators_guidepost_idx').on(t.guidepostId)
	]
);

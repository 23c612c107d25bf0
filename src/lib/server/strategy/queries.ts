import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { withActionCodes, type StrategyDefinition } from './definition.ts';
import { localize, type Locale, type Localized } from './localize.ts';
import { guideposts, strategies, strategyIndicators } from './schema.ts';

export interface StrategySummary {
	slug: string;
	title: StrategyDefinition['title'];
	period: StrategyDefinition['period'];
	isActive: boolean;
	loadedAt: Date;
}

export async function listStrategies(db: Db): Promise<StrategySummary[]> {
	const rows = await db
		.select()
		.from(strategies)
		.orderBy(desc(strategies.periodStart), asc(strategies.slug));
	return rows.map((r) => ({
		slug: r.slug,
		title: r.title,
		period: { start: r.periodStart, end: r.periodEnd },
		isActive: r.isActive,
		loadedAt: r.loadedAt
	}));
}

/** The stored strategy as its definition (both languages): the active one unless a slug is given. */
export async function getStrategyDefinition(
	db: Db,
	slug?: string
): Promise<StrategyDefinition | undefined> {
	const [row] = await db
		.select()
		.from(strategies)
		.where(slug === undefined ? eq(strategies.isActive, true) : eq(strategies.slug, slug))
		.limit(1);
	if (!row) return undefined;
	const [guidepostRows, indicatorRows] = await Promise.all([
		db
			.select()
			.from(guideposts)
			.where(eq(guideposts.strategyId, row.id))
			.orderBy(asc(guideposts.number)),
		db
			.select()
			.from(strategyIndicators)
			.where(eq(strategyIndicators.strategyId, row.id))
			.orderBy(asc(strategyIndicators.position))
	]);
	return {
		...row.content,
		slug: row.slug,
		title: row.title,
		period: { start: row.periodStart, end: row.periodEnd },
		guideposts: guidepostRows.map((g) => ({
			slug: g.slug,
			number: g.number,
			title: g.title,
			intro: g.intro,
			ambitions: g.ambitions,
			actions: withActionCodes(g.number, g.actions),
			indicators: indicatorRows
				.filter((i) => i.guidepostId === g.id)
				.map((i) => ({ ...i.meta, code: i.code, title: i.title, direction: i.direction }))
		}))
	};
}

export type StrategyView = Localized<StrategyDefinition> & {
	locale: Locale;
	/** Some English text was missing and the Danish text is shown instead. */
	untranslated: boolean;
};
export type GuidepostView = StrategyView['guideposts'][number];

/** The active strategy in one language, ready for a page or the API. */
export async function getActiveStrategy(db: Db, locale: Locale): Promise<StrategyView | undefined> {
	const definition = await getStrategyDefinition(db);
	if (!definition) return undefined;
	const { value, fellBack } = localize(definition, locale);
	return { ...value, locale, untranslated: fellBack };
}

/** Every indicator code in any stored strategy: the codes observations may be imported for. */
export async function indicatorCodes(db: Db): Promise<string[]> {
	const rows = await db
		.selectDistinct({ code: strategyIndicators.code })
		.from(strategyIndicators)
		.orderBy(asc(strategyIndicators.code));
	return rows.map((r) => r.code);
}

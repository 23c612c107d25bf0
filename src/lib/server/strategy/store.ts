import { and, eq, ne } from 'drizzle-orm';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../db/index.ts';
import { strategyDefinition, type StrategyDefinition } from './definition.ts';
import { guideposts, strategies, strategyIndicators, type StrategyContent } from './schema.ts';

export interface SaveOptions {
	/** Who made the change, for the audit log (`cli:alice`, `system:first-start`). */
	actor: string;
	/** Make this the active strategy. A strategy loaded into an empty database is always activated. */
	activate?: boolean;
}

export interface SaveResult {
	slug: string;
	created: boolean;
	active: boolean;
}

export class StrategyNotFoundError extends Error {
	constructor(readonly slug: string) {
		super(`No strategy with slug "${slug}" is stored.`);
		this.name = 'StrategyNotFoundError';
	}
}

/**
 * Stores a strategy, replacing any stored strategy with the same slug, in one transaction
 * with its audit entry: a failure anywhere leaves the database as it was.
 */
export async function saveStrategy(
	db: Db,
	input: StrategyDefinition,
	options: SaveOptions
): Promise<SaveResult> {
	const definition = strategyDefinition.parse(input);
	const { slug, title, period, guideposts: guidepostDefs, ...rest } = definition;
	const content: StrategyContent = rest;

	return db.transaction(async (tx) => {
		const [existing] = await tx
			.select({ id: strategies.id, isActive: strategies.isActive })
			.from(strategies)
			.where(eq(strategies.slug, slug));
		const [anyActive] = await tx
			.select({ id: strategies.id })
			.from(strategies)
			.where(eq(strategies.isActive, true))
			.limit(1);
		const activate = options.activate === true || !anyActive || (existing?.isActive ?? false);

		if (activate) {
			await tx
				.update(strategies)
				.set({ isActive: false })
				.where(and(eq(strategies.isActive, true), ne(strategies.slug, slug)));
		}

		let strategyId: string;
		if (existing) {
			strategyId = existing.id;
			await tx
				.update(strategies)
				.set({
					title,
					periodStart: period.start,
					periodEnd: period.end,
					content,
					isActive: activate,
					loadedAt: new Date()
				})
				.where(eq(strategies.id, strategyId));
			await tx.delete(guideposts).where(eq(guideposts.strategyId, strategyId));
		} else {
			const [row] = await tx
				.insert(strategies)
				.values({
					slug,
					title,
					periodStart: period.start,
					periodEnd: period.end,
					content,
					isActive: activate
				})
				.returning({ id: strategies.id });
			if (!row) throw new Error('insert returned no row');
			strategyId = row.id;
		}

		for (const g of guidepostDefs) {
			const [row] = await tx
				.insert(guideposts)
				.values({
					strategyId,
					slug: g.slug,
					number: g.number,
					title: g.title,
					intro: g.intro,
					ambitions: g.ambitions,
					actions: g.actions
				})
				.returning({ id: guideposts.id });
			if (!row) throw new Error('insert returned no row');
			if (g.indicators.length > 0) {
				await tx.insert(strategyIndicators).values(
					g.indicators.map(({ code, title, direction, ...meta }, position) => ({
						strategyId,
						guidepostId: row.id,
						code,
						position,
						title,
						direction,
						meta
					}))
				);
			}
		}

		await recordAudit(tx, {
			actor: options.actor,
			action: existing ? 'strategy.replaced' : 'strategy.created',
			entityType: 'strategy',
			entityId: slug,
			details: { activated: activate, guideposts: guidepostDefs.length }
		});
		return { slug, created: !existing, active: activate };
	});
}

/** Makes one stored strategy the one the public site shows. */
export async function activateStrategy(db: Db, slug: string, actor: string): Promise<void> {
	await db.transaction(async (tx) => {
		const [target] = await tx
			.select({ id: strategies.id })
			.from(strategies)
			.where(eq(strategies.slug, slug));
		if (!target) throw new StrategyNotFoundError(slug);
		await tx.update(strategies).set({ isActive: false }).where(eq(strategies.isActive, true));
		await tx.update(strategies).set({ isActive: true }).where(eq(strategies.id, target.id));
		await recordAudit(tx, {
			actor,
			action: 'strategy.activated',
			entityType: 'strategy',
			entityId: slug
		});
	});
}

import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { breakdownKeyOf } from './rows.ts';
import { importBatches, observations, type ObservationFlag } from './schema.ts';

export interface Observation {
	period: string;
	periodSort: number;
	geo: string;
	breakdowns: Record<string, string>;
	value: number | null;
	flags: ObservationFlag[];
	isDemo: boolean;
}

export interface ObservationFilter {
	geo?: string[];
	period?: string[];
	/** Exact breakdown: `{}` is the total. Leave out for every breakdown. */
	breakdowns?: Record<string, string>;
}

export async function observationsOf(
	db: Db,
	code: string,
	filter: ObservationFilter
): Promise<Observation[]> {
	const conditions: SQL[] = [eq(observations.indicatorCode, code)];
	if (filter.geo?.length) conditions.push(inArray(observations.geo, filter.geo));
	if (filter.period?.length) conditions.push(inArray(observations.period, filter.period));
	if (filter.breakdowns)
		conditions.push(eq(observations.breakdownKey, breakdownKeyOf(filter.breakdowns)));
	return db
		.select({
			period: observations.period,
			periodSort: observations.periodSort,
			geo: observations.geo,
			breakdowns: observations.breakdowns,
			value: observations.value,
			flags: observations.flags,
			isDemo: importBatches.isDemo
		})
		.from(observations)
		.innerJoin(importBatches, eq(observations.batchId, importBatches.id))
		.where(and(...conditions))
		.orderBy(asc(observations.periodSort), asc(observations.geo), asc(observations.breakdownKey));
}

export interface IndicatorDataSummary {
	code: string;
	observations: number;
	isDemo: boolean;
	geographies: string[];
	/** Breakdown dimensions and their values, for the selection form. */
	dimensions: Record<string, string[]>;
}

/** What data an indicator has, in one query per indicator set. */
export async function dataSummaries(
	db: Db,
	codes: string[]
): Promise<Map<string, IndicatorDataSummary>> {
	const result = new Map<string, IndicatorDataSummary>();
	if (codes.length === 0) return result;
	const rows = await db
		.select({
			code: observations.indicatorCode,
			geo: observations.geo,
			breakdowns: observations.breakdowns,
			count: sql<number>`count(*)::int`,
			demo: sql<boolean>`bool_or(${importBatches.isDemo})`
		})
		.from(observations)
		.innerJoin(importBatches, eq(observations.batchId, importBatches.id))
		.where(inArray(observations.indicatorCode, codes))
		.groupBy(observations.indicatorCode, observations.geo, observations.breakdowns);
	for (const code of codes)
		result.set(code, { code, observations: 0, isDemo: false, geographies: [], dimensions: {} });
	for (const row of rows) {
		const s = result.get(row.code)!;
		s.observations += Number(row.count);
		s.isDemo ||= Boolean(row.demo);
		if (!s.geographies.includes(row.geo)) s.geographies.push(row.geo);
		for (const [dimension, value] of Object.entries(row.breakdowns)) {
			const values = (s.dimensions[dimension] ??= []);
			if (!values.includes(value)) values.push(value);
		}
	}
	for (const s of result.values()) {
		s.geographies.sort();
		for (const values of Object.values(s.dimensions))
			values.sort((a, b) => a.localeCompare(b, 'da'));
	}
	return result;
}

/** The latest imports, newest first, for the editors' upload page. */
export async function recentBatches(db: Db, limit = 20) {
	return db
		.select({
			id: importBatches.id,
			indicatorCode: importBatches.indicatorCode,
			actor: importBatches.actor,
			importedAt: importBatches.importedAt,
			fileName: importBatches.fileName,
			format: importBatches.format,
			isDemo: importBatches.isDemo,
			added: importBatches.added,
			changed: importBatches.changed,
			removed: importBatches.removed
		})
		.from(importBatches)
		.orderBy(desc(importBatches.importedAt))
		.limit(limit);
}

/** Whether any of these import batches is demo data. */
export async function anyDemoBatch(db: Db, batchIds: string[]): Promise<boolean> {
	if (batchIds.length === 0) return false;
	const [row] = await db
		.select({ id: importBatches.id })
		.from(importBatches)
		.where(and(inArray(importBatches.id, batchIds), eq(importBatches.isDemo, true)))
		.limit(1);
	return row !== undefined;
}

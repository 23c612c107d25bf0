import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../db/index.ts';
import { indicatorCodes } from '../strategy/index.ts';
import type { ObservationInput } from './rows.ts';
import { importBatches, importMappings, observations } from './schema.ts';

export class UnknownIndicatorError extends Error {
	constructor(
		readonly code: string,
		known: string[]
	) {
		super(
			`No indicator with code "${code}". Known indicators: ${known.join(', ') || '(none; load a strategy first)'}.`
		);
		this.name = 'UnknownIndicatorError';
	}
}

/** What an import would do, shown before the editor confirms. */
export interface ImportPreview {
	indicatorCode: string;
	periods: string[];
	added: number;
	changed: number;
	removed: number;
	unchanged: number;
	/** Demo observations a real import removes, so the demo label goes away. */
	demoRemoved: number;
}

export interface ImportSource {
	actor: string;
	fileName: string;
	sha256: string;
	format: string;
	isDemo?: boolean;
}

interface Plan extends ImportPreview {
	upserts: ObservationInput[];
	removeIds: number[];
}

const CHUNK = 1000;
const UPSERT_CHUNK = 10_000;

async function plan(
	db: Db,
	code: string,
	rows: ObservationInput[],
	isDemo: boolean
): Promise<Plan> {
	const known = await indicatorCodes(db);
	if (!known.includes(code)) throw new UnknownIndicatorError(code, known);
	const periods = [...new Set(rows.map((r) => r.period))].sort();
	const existing =
		periods.length === 0
			? []
			: await db
					.select({
						id: observations.id,
						period: observations.period,
						geo: observations.geo,
						breakdownKey: observations.breakdownKey,
						value: observations.value,
						flags: observations.flags,
						isDemo: importBatches.isDemo
					})
					.from(observations)
					.innerJoin(importBatches, eq(observations.batchId, importBatches.id))
					.where(and(eq(observations.indicatorCode, code), inArray(observations.period, periods)));
	const demoElsewhere = isDemo
		? []
		: await db
				.select({ id: observations.id })
				.from(observations)
				.innerJoin(importBatches, eq(observations.batchId, importBatches.id))
				.where(
					and(
						eq(observations.indicatorCode, code),
						eq(importBatches.isDemo, true),
						sql`not (${observations.period} = any(${sql.param(periods)}::text[]))`
					)
				);

	const key = (r: { period: string; geo: string; breakdownKey: string }) =>
		`${r.period}\u0000${r.geo}\u0000${r.breakdownKey}`;
	const stored = new Map(existing.map((e) => [key(e), e]));
	let added = 0;
	let changed = 0;
	let unchanged = 0;
	let demoRemoved = demoElsewhere.length;
	const upserts: ObservationInput[] = [];
	const inFile = new Set<string>();
	for (const row of rows) {
		const k = key(row);
		inFile.add(k);
		const old = stored.get(k);
		if (!old || (old.isDemo && !isDemo)) {
			if (old) demoRemoved++;
			added++;
			upserts.push(row);
		} else if (old.value !== row.value || old.flags.join() !== row.flags.join()) {
			changed++;
			upserts.push(row);
		} else unchanged++;
	}
	const removeIds: number[] = demoElsewhere.map((d) => d.id);
	let removed = 0;
	for (const old of existing) {
		if (!inFile.has(key(old))) {
			removeIds.push(old.id);
			if (old.isDemo && !isDemo) demoRemoved++;
			else removed++;
		}
	}
	return {
		indicatorCode: code,
		periods,
		added,
		changed,
		removed: removed + demoRemoved,
		unchanged,
		demoRemoved,
		upserts,
		removeIds
	};
}

/** What importing these rows would add, change and remove; writes nothing. */
export async function previewImport(
	db: Db,
	code: string,
	rows: ObservationInput[],
	isDemo = false
): Promise<ImportPreview> {
	const { upserts: _u, removeIds: _r, ...preview } = await plan(db, code, rows, isDemo);
	return preview;
}

/**
 * Replaces the file's periods for the indicator with the file's rows, all or nothing, with an
 * import batch and an audit entry in the same transaction. Importing the same file twice
 * changes nothing the second time.
 */
export async function importObservations(
	db: Db,
	code: string,
	rows: ObservationInput[],
	source: ImportSource,
	onProgress?: (done: number, total: number) => void
): Promise<ImportPreview & { batchId: string }> {
	return db.transaction(async (tx) => {
		const p = await plan(tx, code, rows, source.isDemo ?? false);
		const [batch] = await tx
			.insert(importBatches)
			.values({
				indicatorCode: code,
				actor: source.actor,
				fileName: source.fileName,
				sha256: source.sha256,
				format: source.format,
				isDemo: source.isDemo ?? false,
				added: p.added,
				changed: p.changed,
				removed: p.removed
			})
			.returning({ id: importBatches.id });
		if (!batch) throw new Error('insert returned no row');
		for (let i = 0; i < p.removeIds.length; i += CHUNK) {
			await tx
				.delete(observations)
				.where(inArray(observations.id, p.removeIds.slice(i, i + CHUNK)));
		}
		// One statement per chunk with each column as an array (unnest): far fewer parameters and
		// round trips than a VALUES list, on PGlite and PostgreSQL alike.
		for (let i = 0; i < p.upserts.length; i += UPSERT_CHUNK) {
			const chunk = p.upserts.slice(i, i + UPSERT_CHUNK);
			await tx.execute(sql`
				insert into indicator_observations (indicator_code, period, period_sort, geo, breakdown_key, breakdowns, value, flags, batch_id)
				select ${code}, period, period_sort, geo, breakdown_key, breakdowns::jsonb, value, flags::text[], ${batch.id}::uuid
				from unnest(
					${sql.param(chunk.map((r) => r.period))}::text[],
					${sql.param(chunk.map((r) => r.periodSort))}::int[],
					${sql.param(chunk.map((r) => r.geo))}::text[],
					${sql.param(chunk.map((r) => r.breakdownKey))}::text[],
					${sql.param(chunk.map((r) => JSON.stringify(r.breakdowns)))}::text[],
					${sql.param(chunk.map((r) => r.value))}::float8[],
					${sql.param(chunk.map((r) => `{${r.flags.join(',')}}`))}::text[]
				) as t(period, period_sort, geo, breakdown_key, breakdowns, value, flags)
				on conflict (indicator_code, period, geo, breakdown_key) do update
				set value = excluded.value, flags = excluded.flags, breakdowns = excluded.breakdowns, batch_id = excluded.batch_id`);
			onProgress?.(Math.min(i + UPSERT_CHUNK, p.upserts.length), p.upserts.length);
		}
		await recordAudit(tx, {
			actor: source.actor,
			action: source.isDemo ? 'indicator.demo-loaded' : 'indicator.imported',
			entityType: 'indicator',
			entityId: code,
			details: {
				batchId: batch.id,
				fileName: source.fileName,
				sha256: source.sha256,
				added: p.added,
				changed: p.changed,
				removed: p.removed
			}
		});
		const { upserts: _u, removeIds: _r, ...preview } = p;
		return { ...preview, batchId: batch.id };
	});
}

/** The mapping last used for an indicator, so the next import of the same kind of file needs none. */
export async function savedMapping(
	db: Db,
	code: string
): Promise<Record<string, unknown> | undefined> {
	const [row] = await db
		.select({ mapping: importMappings.mapping })
		.from(importMappings)
		.where(eq(importMappings.indicatorCode, code));
	return row?.mapping;
}

export async function saveMapping(
	db: Db,
	code: string,
	mapping: Record<string, unknown>
): Promise<void> {
	await db
		.insert(importMappings)
		.values({ indicatorCode: code, mapping })
		.onConflictDoUpdate({
			target: importMappings.indicatorCode,
			set: { mapping, updatedAt: new Date() }
		});
}

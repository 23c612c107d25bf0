import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { inProblemLanguage, tr, type ProblemLanguage } from '../problem-language.ts';
import { eq, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../audit/index.ts';
import { countRun } from '../metrics/index.ts';
import { copyInto, rowsOf, type Db } from '../db/index.ts';
import { indicatorCodes } from '../strategy/index.ts';
import type { FileBytes } from './file-bytes.ts';
import { readIndicatorFile, type FileFormat, type ReadOptions } from './file.ts';
import {
	RowCollector,
	validatedBatches,
	type ImportProblem,
	type ObservationInput
} from './rows.ts';
import { importBatches, importMappings } from './schema.ts';

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
	/**
	 * What the file replaces: by default only its slice (in each of its periods, the areas it has
	 * with the breakdown dimensions it has); with `replacePeriods`, everything in its periods.
	 */
	replaces: { scope: 'slice' | 'periods'; areas: string[]; breakdowns: string[] };
	/** A few rows of each kind of change, for a preview (dry runs only). */
	samples?: { added: SampleRow[]; changed: SampleRow[]; removed: SampleRow[] };
}

/** One observation in a preview's samples; `before` is the stored value a change replaces. */
export interface SampleRow {
	period: string;
	geo: string;
	breakdowns: Record<string, string>;
	value: number | null;
	before?: number | null;
}

export interface ImportSource {
	actor: string;
	fileName: string;
	sha256: string;
	format: string;
	isDemo?: boolean;
}

const STAGE_CHUNK = 10_000;
/**
 * About how many staged rows one statement handles. Statements over a million rows are split so
 * that no one statement runs for long: the embedded database is one session, and while it ran
 * on the server's thread a statement held every request (issue 21: /healthz waited 30 s for a
 * million-row import). It has its own thread now; short statements still keep its memory small.
 */
const STATEMENT_ROWS = 25_000;
/** Imports that add or remove this many rows refresh the table's planner statistics. */
const ANALYZE_AFTER_ROWS = 10_000;
const STAGE_COLUMNS = [
	'source_row',
	'period',
	'period_sort',
	'geo',
	'breakdown_key',
	'dims',
	'breakdowns',
	'value',
	'flags'
];

/**
 * Copies the file's rows into a temporary table (dropped at commit) with COPY, as they are read:
 * the database takes in one batch while the next is parsed. The comparison with what is stored
 * then runs in SQL, set-based, instead of row by row in JavaScript.
 */
async function stage(
	tx: Db,
	batches: AsyncIterable<ObservationInput[]> | Iterable<ObservationInput[]>,
	onProgress?: (done: number) => void
): Promise<number> {
	// An import may run inside an outer transaction (the first-start seed loads several), where
	// `on commit drop` has not fired yet for the previous one.
	await tx.execute(sql`drop table if exists import_stage`);
	await tx.execute(sql`
		create temporary table import_stage (
			ord bigserial primary key, source_row text,
			period text not null, period_sort int not null, geo text not null, breakdown_key text not null,
			dims text not null, breakdowns jsonb not null, value float8, flags text[] not null
		) on commit drop`);
	const counter = { total: 0 };
	const asRows = async function* () {
		for await (const chunk of countedBatches(batches, counter, onProgress))
			yield chunk.map((r) => [
				r.where ?? null,
				r.period,
				r.periodSort,
				r.geo,
				r.breakdownKey,
				dimsOf(r),
				JSON.stringify(r.breakdowns),
				r.value,
				`{${r.flags.join(',')}}`
			]);
	};
	await copyInto(tx, 'import_stage', STAGE_COLUMNS, asRows());
	// Statistics, so the comparison joins by hash rather than a nested loop over a guess.
	await tx.execute(sql`analyze import_stage`);
	await yieldToEventLoop();
	return counter.total;
}

/** The breakdown's dimensions, as dimensionsOf writes them in SQL. */
function dimsOf(row: ObservationInput): string {
	return row.dims ?? Object.keys(row.breakdowns).sort().join('|');
}

/**
 * The batches as they come, counted into `counter.total`, with a turn for other requests after
 * each: reading, checking and copying a batch never waits for I/O, so without it the whole file
 * would be one unbroken run of microtasks, and /healthz and every other request would wait until
 * the last row (issue 21: 20 s for a million rows).
 */
async function* countedBatches(
	batches: AsyncIterable<ObservationInput[]> | Iterable<ObservationInput[]>,
	counter: { total: number },
	onProgress?: (done: number) => void
): AsyncGenerator<ObservationInput[]> {
	for await (const chunk of batches) {
		if (chunk.length === 0) continue;
		yield chunk;
		counter.total += chunk.length;
		onProgress?.(counter.total);
		await yieldToEventLoop();
	}
}

const OBSERVATION_COLUMNS = [
	'indicator_code',
	'period',
	'period_sort',
	'geo',
	'breakdown_key',
	'breakdowns',
	'value',
	'flags',
	'batch_id'
];

/** Whether the indicator holds no observation at all, demo data included. */
async function holdsNothing(tx: Db, code: string): Promise<boolean> {
	return (
		rowsOf(
			await tx.execute(
				sql`select 1 from indicator_observations where indicator_code = ${code} limit 1`
			)
		).length === 0
	);
}

/** Distinct texts in the database's own order (its collation), as `order by` in SQL gives them. */
async function inDatabaseOrder(tx: Db, texts: Set<string>): Promise<string[]> {
	return rowsOf<{ t: string }>(
		await tx.execute(sql`select t from unnest(${sql.param([...texts])}::text[]) as t order by t`)
	).map((r) => r.t);
}

/**
 * A first import: the indicator holds nothing, so every row is new and nothing is compared,
 * changed or removed. The rows go straight into the table with COPY as they are read (no
 * staging table, no second pass), under a savepoint. The primary key refuses a repeated row;
 * then this answers 'repeated' with nothing written, and the caller takes the staged path,
 * which names the rows. Row problems are the caller's to check in `collector` afterwards.
 */
async function firstImport(
	tx: Db,
	code: string,
	batches: AsyncIterable<ObservationInput[]>,
	source: ImportSource,
	replacePeriods: boolean,
	onProgress?: (done: number) => void
): Promise<{ preview: ImportPreview; batchId: string; rows: number } | 'repeated'> {
	const batchId = randomUUID();
	const counter = { total: 0 };
	const periods = new Set<string>();
	const areas = new Set<string>();
	const dims = new Set<string>();
	const asRows = async function* () {
		for await (const chunk of countedBatches(batches, counter, onProgress))
			yield chunk.map((r) => {
				periods.add(r.period);
				areas.add(r.geo);
				dims.add(dimsOf(r));
				return [
					code,
					r.period,
					r.periodSort,
					r.geo,
					r.breakdownKey,
					JSON.stringify(r.breakdowns),
					r.value,
					`{${r.flags.join(',')}}`,
					batchId
				];
			});
	};
	try {
		await tx.transaction((savepoint) =>
			copyInto(savepoint, 'indicator_observations', OBSERVATION_COLUMNS, asRows())
		);
	} catch (error) {
		if (isUniqueViolation(error)) return 'repeated';
		throw error;
	}
	const preview: ImportPreview = {
		indicatorCode: code,
		periods: await inDatabaseOrder(tx, periods),
		added: counter.total,
		changed: 0,
		removed: 0,
		unchanged: 0,
		demoRemoved: 0,
		replaces: {
			scope: replacePeriods ? 'periods' : 'slice',
			areas: await inDatabaseOrder(tx, areas),
			breakdowns: await inDatabaseOrder(tx, dims)
		}
	};
	if (counter.total > 0) await recordImport(tx, code, preview, source, batchId);
	return { preview, batchId, rows: counter.total };
}

function* inBatches(rows: Iterable<ObservationInput>): Generator<ObservationInput[]> {
	let chunk: ObservationInput[] = [];
	for (const row of rows) {
		chunk.push(row);
		if (chunk.length >= STAGE_CHUNK) {
			yield chunk;
			chunk = [];
		}
	}
	if (chunk.length > 0) yield chunk;
}

let running = 0;

/**
 * How many imports (or previews) this process is running now. On the embedded database an
 * import holds the only connection until it commits, so /readyz says so instead of waiting.
 */
export function importsInProgress(): number {
	return running;
}

/** Runs an import's transaction, counted while it runs. */
async function counted<T>(work: () => Promise<T>): Promise<T> {
	running++;
	try {
		return await work();
	} finally {
		running--;
	}
}

/** Imports of one indicator wait for each other (across instances on PostgreSQL). */
async function lockIndicator(tx: Db, code: string): Promise<void> {
	await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`indicator-import:${code}`}))`);
}

/**
 * Rows that repeat a period, geography and breakdown, named by where they are in the file.
 * Counted in buckets of the key's hash, one statement each: one group-by over a million
 * staged rows took 4 s, all of it on the server's thread while PGlite ran there.
 */
async function repeatedKeys(tx: Db, staged: number): Promise<ImportProblem[]> {
	const buckets = Math.max(1, Math.ceil(staged / (2.5 * STATEMENT_ROWS)));
	const found: { rows: string[]; first: number }[] = [];
	for (let bucket = 0; bucket < buckets && found.length < 1000; bucket++) {
		found.push(
			...rowsOf<{ rows: string[]; first: number }>(
				await tx.execute(sql`
					select array_agg(coalesce(source_row, '(row)') order by ord) as rows, min(ord) as first
					from import_stage
					where ${buckets} = 1 or mod(abs(hashtext(period || chr(31) || geo || chr(31) || breakdown_key)), ${buckets}) = ${bucket}
					group by period, geo, breakdown_key
					having count(*) > 1
					order by min(ord) limit 1000`)
			)
		);
		await yieldToEventLoop();
	}
	return found
		.sort((a, b) => Number(a.first) - Number(b.first))
		.slice(0, 1000)
		.flatMap(({ rows }) =>
			rows.slice(1).map((where) => ({
				where,
				message: tr(
					`same period, geography and breakdown as ${rows[0]}`,
					`samme periode, område og opdeling som ${rows[0]}`
				)
			}))
		);
}

function countOf(result: unknown, column: string): number {
	const row = rowsOf<Record<string, unknown>>(result)[0] ?? {};
	return Number(row[column] ?? 0);
}

/** What the staged rows would add, change and remove, counted in SQL. */
async function compare(
	tx: Db,
	code: string,
	isDemo: boolean,
	replacePeriods = false,
	withSamples = false
): Promise<ImportPreview> {
	const known = await indicatorCodes(tx);
	if (!known.includes(code)) throw new UnknownIndicatorError(code, known);
	const periods = rowsOf<{ period: string }>(
		await tx.execute(sql`select distinct period from import_stage order by period`)
	).map((r) => r.period);
	// The slice the file covers: each period's areas, with the breakdown dimensions of its rows.
	// Each staged row carries its dimensions (written as it is read): working them out from the
	// JSON here took 1.5 s for a million rows.
	await tx.execute(sql`drop table if exists import_slice`);
	await tx.execute(sql`
		create temporary table import_slice on commit drop as
		select distinct period, geo, dims from import_stage`);
	const covered = rowsOf<{ areas: string[] | null; dims: string[] | null }>(
		await tx.execute(sql`
			select (select array_agg(distinct geo order by geo) from import_slice) as areas,
				(select array_agg(distinct dims order by dims) from import_slice) as dims`)
	)[0];
	const slice = inSlice(replacePeriods);
	await yieldToEventLoop();
	// A real import replaces demo data: a demo row with the same key counts as added, and every
	// demo row of the indicator goes.
	const replaced = isDemo ? sql`false` : sql`b.is_demo`;
	const matched = await tx.execute(sql`
		select
			count(*) filter (where o.batch_id is null or ${replaced}) as added,
			count(*) filter (where o.batch_id is not null and not ${replaced}
				and (o.value is distinct from s.value or o.flags <> s.flags)) as changed,
			count(*) filter (where o.batch_id is not null and not ${replaced}
				and o.value is not distinct from s.value and o.flags = s.flags) as unchanged,
			count(*) filter (where o.batch_id is not null and ${replaced}) as demo_replaced
		from import_stage s
		left join indicator_observations o
			on o.indicator_code = ${code} and o.period = s.period and o.geo = s.geo
			and o.breakdown_key = s.breakdown_key
		left join indicator_import_batches b on b.id = o.batch_id`);
	await yieldToEventLoop();
	const gone = await tx.execute(sql`
		select
			count(*) filter (where not ${replaced}) as removed,
			count(*) filter (where ${replaced}) as demo_removed
		from indicator_observations o
		join indicator_import_batches b on b.id = o.batch_id
		where o.indicator_code = ${code}
			and (${slice} or ${replaced})
			and not exists (
				select 1 from import_stage s
				where s.period = o.period and s.geo = o.geo and s.breakdown_key = o.breakdown_key
			)`);
	await yieldToEventLoop();
	const removed = countOf(gone, 'removed');
	const demoRemoved = countOf(gone, 'demo_removed') + countOf(matched, 'demo_replaced');
	const samples = withSamples ? await sampleRows(tx, code, slice, replaced) : undefined;
	return {
		indicatorCode: code,
		periods,
		added: countOf(matched, 'added'),
		changed: countOf(matched, 'changed'),
		removed: removed + demoRemoved,
		unchanged: countOf(matched, 'unchanged'),
		demoRemoved,
		replaces: {
			scope: replacePeriods ? 'periods' : 'slice',
			areas: covered?.areas ?? [],
			breakdowns: covered?.dims ?? []
		},
		...(samples ? { samples } : {})
	};
}

/** Three rows of each kind of change, in file order (removed ones by period and area). */
async function sampleRows(tx: Db, code: string, slice: SQL, replaced: SQL) {
	const joined = sql`
		from import_stage s
		left join indicator_observations o
			on o.indicator_code = ${code} and o.period = s.period and o.geo = s.geo
			and o.breakdown_key = s.breakdown_key
		left join indicator_import_batches b on b.id = o.batch_id`;
	const rows = async (query: SQL) => rowsOf<SampleRow>(await tx.execute(query));
	return {
		added: await rows(sql`
			select s.period, s.geo, s.breakdowns, s.value ${joined}
			where o.batch_id is null or ${replaced} order by s.ord limit 3`),
		changed: await rows(sql`
			select s.period, s.geo, s.breakdowns, s.value, o.value as before ${joined}
			where o.batch_id is not null and not ${replaced}
				and (o.value is distinct from s.value or o.flags <> s.flags)
			order by s.ord limit 3`),
		removed: await rows(sql`
			select o.period, o.geo, o.breakdowns, o.value
			from indicator_observations o
			join indicator_import_batches b on b.id = o.batch_id
			where o.indicator_code = ${code} and (${slice} or ${replaced})
				and not exists (
					select 1 from import_stage s
					where s.period = o.period and s.geo = o.geo and s.breakdown_key = o.breakdown_key
				)
			order by o.period_sort, o.geo, o.breakdown_key limit 3`)
	};
}

/** A row's breakdown dimensions, sorted and joined (`køn`, or '' for a total). */
function dimensionsOf(breakdowns: SQL) {
	// Ordered by code point (collate "C"), as JavaScript's sort orders the staged rows' names.
	return sql`coalesce((select string_agg(k, '|' order by k collate "C") from jsonb_object_keys(${breakdowns}) k), '')`;
}

/** Stored rows (`o`) the staged file replaces: see ImportPreview.replaces. */
function inSlice(replacePeriods: boolean) {
	return replacePeriods
		? sql`o.period in (select distinct period from import_stage)`
		: sql`exists (select 1 from import_slice c where c.period = o.period and c.geo = o.geo and c.dims = ${dimensionsOf(sql`o.breakdowns`)})`;
}

/** What importing these rows would add, change and remove; writes nothing. */
export async function previewImport(
	db: Db,
	code: string,
	rows: Iterable<ObservationInput>,
	isDemo = false
): Promise<ImportPreview> {
	return counted(() =>
		db.transaction(async (tx) => {
			await stage(tx, inBatches(rows));
			return compare(tx, code, isDemo);
		})
	);
}

/**
 * Replaces the file's periods for the indicator with the file's rows, all or nothing, with an
 * import batch and an audit entry in the same transaction. Importing the same file twice
 * changes nothing the second time.
 */
export async function importObservations(
	db: Db,
	code: string,
	rows: Iterable<ObservationInput>,
	source: ImportSource,
	onProgress?: (done: number, total: number) => void
): Promise<ImportPreview & { batchId: string }> {
	const expected = Array.isArray(rows) ? rows.length : 0;
	return counted(() =>
		db.transaction(async (tx) => {
			await lockIndicator(tx, code);
			const staged = await stage(tx, inBatches(rows), (done) =>
				onProgress?.(done, Math.max(expected, done))
			);
			const problems = await repeatedKeys(tx, staged);
			if (problems.length > 0)
				throw new Error(`repeated rows: ${problems.map((p) => p.where).join(', ')}`);
			const p = await compare(tx, code, source.isDemo ?? false);
			const batchId = await applyStaged(tx, code, p, source);
			onProgress?.(staged, staged);
			return { ...p, batchId };
		})
	);
}

/**
 * Runs a statement over the staged rows in ranges of their order number, STATEMENT_ROWS at a
 * time, letting other requests in between (the same transaction: still all or nothing).
 */
async function inOrdRanges(
	tx: Db,
	statement: (from: number, to: number) => ReturnType<typeof sql>
): Promise<void> {
	const last = Number(
		rowsOf<{ last: number | null }>(
			await tx.execute(sql`select max(ord) as last from import_stage`)
		)[0]?.last ?? 0
	);
	for (let from = 1; from <= last; from += STATEMENT_ROWS) {
		await tx.execute(statement(from, from + STATEMENT_ROWS - 1));
		await yieldToEventLoop();
	}
}

/** Writes what `compare` found: a batch, the removals, the upserts and the audit entry. */
async function applyStaged(
	tx: Db,
	code: string,
	p: ImportPreview,
	source: ImportSource
): Promise<string> {
	const batchId = randomUUID();
	if (!source.isDemo && p.demoRemoved > 0)
		await tx.execute(sql`
			delete from indicator_observations o using indicator_import_batches b
			where b.id = o.batch_id and b.is_demo and o.indicator_code = ${code}`);
	// Each step runs only when the comparison says it changes something.
	if (p.removed - p.demoRemoved > 0)
		await tx.execute(sql`
		delete from indicator_observations o
		where o.indicator_code = ${code}
			and ${inSlice(p.replaces.scope === 'periods')}
			and not exists (
				select 1 from import_stage s
				where s.period = o.period and s.geo = o.geo and s.breakdown_key = o.breakdown_key
			)`);
	if (p.added === 0 && p.changed === 0) {
		// Nothing to write.
	} else if (p.changed === 0 && p.unchanged === 0) {
		// Nothing stored has these keys (demo rows with them were deleted above): a plain insert,
		// which skips the conflict check per row. Imports of one indicator are serialised by the
		// advisory lock taken at the start.
		await inOrdRanges(
			tx,
			(from, to) => sql`
			insert into indicator_observations (indicator_code, period, period_sort, geo, breakdown_key, breakdowns, value, flags, batch_id)
			select ${code}, period, period_sort, geo, breakdown_key, breakdowns, value, flags, ${batchId}::uuid
			from import_stage where ord between ${from} and ${to}`
		);
	} else
		// Rows whose value and flags are unchanged keep their batch: the batch records changes.
		await inOrdRanges(
			tx,
			(from, to) => sql`
		insert into indicator_observations (indicator_code, period, period_sort, geo, breakdown_key, breakdowns, value, flags, batch_id)
		select ${code}, period, period_sort, geo, breakdown_key, breakdowns, value, flags, ${batchId}::uuid
		from import_stage where ord between ${from} and ${to}
		on conflict (indicator_code, geo, breakdown_key, period) do update
		set value = excluded.value, flags = excluded.flags, breakdowns = excluded.breakdowns, batch_id = excluded.batch_id
		where indicator_observations.value is distinct from excluded.value
			or indicator_observations.flags <> excluded.flags`
		);
	await recordImport(tx, code, p, source, batchId);
	return batchId;
}

/**
 * The import's batch (its counts and file) and its audit entry; refreshes the planner's
 * statistics after a large change. PGlite runs no autovacuum, so without this a table that grew
 * by a million rows is still planned as nearly empty, and each batch of a download (a keyset
 * page over the primary key) sorted the whole indicator: 1.3 s a batch instead of 20 ms.
 */
async function recordImport(
	tx: Db,
	code: string,
	p: ImportPreview,
	source: ImportSource,
	batchId: string
): Promise<void> {
	await tx.insert(importBatches).values({
		id: batchId,
		indicatorCode: code,
		actor: source.actor,
		fileName: source.fileName,
		sha256: source.sha256,
		format: source.format,
		isDemo: source.isDemo ?? false,
		added: p.added,
		changed: p.changed,
		removed: p.removed
	});
	if (p.added + p.removed >= ANALYZE_AFTER_ROWS)
		await tx.execute(sql`analyze indicator_observations`);
	await recordAudit(tx, {
		actor: source.actor,
		action: source.isDemo ? 'indicator.demo-loaded' : 'indicator.imported',
		entityType: 'indicator',
		entityId: code,
		details: {
			batchId,
			fileName: source.fileName,
			sha256: source.sha256,
			added: p.added,
			changed: p.changed,
			removed: p.removed
		}
	});
}

export interface FileToImport {
	/** The bytes of an upload, or `{ path }` to stream a file from disk. */
	data: FileBytes;
	fileName: string;
	mapping?: ReadOptions['mapping'];
}

export type ImportOutcome =
	| {
			ok: true;
			preview: ImportPreview;
			/** Set when the import was written (not a dry run). */
			batchId?: string;
			rows: number;
			format?: FileFormat;
			sha256: string;
	  }
	| { ok: false; problems: ImportProblem[] };

function isUniqueViolation(error: unknown): boolean {
	for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
		if (e.code === '23505') return true;
	return false;
}

class Rejected extends Error {
	constructor(readonly problems: ImportProblem[]) {
		super('rejected');
	}
}
class DryRun extends Error {
	constructor(
		readonly preview: ImportPreview,
		readonly rows: number
	) {
		super('dry run');
	}
}

/**
 * The import behind the command line and the upload page: reads the file as a stream of rows
 * into a staging table (memory does not grow with the file), checks every row, compares with
 * what is stored and writes, all in one transaction. Any problem rejects the whole file and
 * nothing changes; `dryRun` only reports what would change.
 */
export function importFile(
	db: Db,
	code: string,
	file: FileToImport,
	source: { actor: string; isDemo?: boolean },
	options: {
		dryRun?: boolean;
		onProgress?: (rows: number) => void;
		/** The language problems are written in (English when not given). */
		language?: ProblemLanguage;
		/** Replace everything stored in the file's periods, not only the file's slice. */
		replacePeriods?: boolean;
	} = {}
): Promise<ImportOutcome> {
	return inProblemLanguage(options.language, async () => {
		const outcome = await importInLanguage(db, code, file, source, options);
		if (!options.dryRun) countRun('import', outcome.ok ? 'imported' : 'rejected');
		return outcome;
	});
}

async function importInLanguage(
	db: Db,
	code: string,
	file: FileToImport,
	source: { actor: string; isDemo?: boolean },
	options: { dryRun?: boolean; onProgress?: (rows: number) => void; replacePeriods?: boolean }
): Promise<ImportOutcome> {
	const known = await indicatorCodes(db);
	if (!known.includes(code)) throw new UnknownIndicatorError(code, known);
	const read = async () => {
		const reader = await readIndicatorFile(file.data, file.fileName, { mapping: file.mapping });
		const collector = new RowCollector(reader.decimal, reader.columnName, {
			checkDuplicates: false
		});
		return { reader, collector, batches: validatedBatches(reader, collector) };
	};
	/** After the rows are read: any row problem, or no rows at all, rejects the file. */
	const readWhole = ({ reader, collector }: Awaited<ReturnType<typeof read>>, rows: number) => {
		if (collector.problems.length > 0) throw new Rejected(collector.problems);
		if (rows === 0)
			throw new Rejected([{ where: tr('file', 'fil'), message: reader.emptyMessage }]);
	};
	let input = await read();
	const { reader } = input;
	const digest = reader.sha256;
	if (reader.problems.length > 0) return { ok: false, problems: reader.problems };
	const meta = {
		...source,
		fileName: file.fileName,
		sha256: digest,
		format: reader.format ?? 'csv'
	};
	try {
		return await counted(() =>
			db.transaction(async (tx) => {
				if (!options.dryRun) await lockIndicator(tx, code);
				if (!options.dryRun && (await holdsNothing(tx, code))) {
					const first = await firstImport(
						tx,
						code,
						input.batches,
						meta,
						options.replacePeriods ?? false,
						options.onProgress
					);
					if (first !== 'repeated') {
						readWhole(input, first.rows);
						return {
							ok: true as const,
							preview: first.preview,
							batchId: first.batchId,
							rows: first.rows,
							format: reader.format,
							sha256: digest
						};
					}
					// A row repeats another: read the file again into the staging table, which names
					// them.
					input = await read();
				}
				const staged = await stage(tx, input.batches, options.onProgress);
				readWhole(input, staged);
				const preview = await compare(
					tx,
					code,
					source.isDemo ?? false,
					options.replacePeriods ?? false,
					options.dryRun ?? false
				);
				// A file whose keys are all new is written with a plain insert, where the primary key
				// itself refuses a repeated row; only then is the separate check for repeats skipped.
				const allNew = preview.changed === 0 && preview.unchanged === 0;
				if (options.dryRun || !allNew) {
					const repeated = await repeatedKeys(tx, staged);
					if (repeated.length > 0) throw new Rejected(repeated);
				}
				if (options.dryRun) throw new DryRun(preview, staged);
				let batchId: string;
				try {
					batchId = await tx.transaction((savepoint) =>
						applyStaged(savepoint, code, preview, meta)
					);
				} catch (error) {
					if (allNew && isUniqueViolation(error))
						throw new Rejected(await repeatedKeys(tx, staged));
					throw error;
				}
				return {
					ok: true as const,
					preview,
					batchId,
					rows: staged,
					format: reader.format,
					sha256: digest
				};
			})
		);
	} catch (error) {
		if (error instanceof Rejected) return { ok: false, problems: error.problems };
		if (error instanceof DryRun)
			return {
				ok: true,
				preview: error.preview,
				rows: error.rows,
				format: reader.format,
				sha256: digest
			};
		throw error;
	}
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

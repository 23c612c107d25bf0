import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { logger } from '../log.ts';
import { countRun } from '../metrics/index.ts';
import { bumpContentVersion, type Db } from '../db/index.ts';
import { FetchError, fetchLimited } from '../outbound/index.ts';
import { getStrategyDefinition, statbankSource, type StatbankSource } from '../strategy/index.ts';
import { importFile, type ImportPreview } from './import.ts';
import type { ImportProblem } from './rows.ts';
import { statbankSyncs } from './schema.ts';

/**
 * Statistics Denmark's StatBank API (https://api.statbank.dk, documented at
 * https://www.dst.dk/da/Statistik/brug-statistikken/muligheder-i-statistikbanken/api):
 * `POST /v1/tableinfo` tells a table's variables, values and last update; `POST /v1/data` with
 * `format: JSONSTAT` gives the figures, which go through the normal all-or-nothing import.
 */
export const DEFAULT_DST_API_URL = 'https://api.statbank.dk';

export interface SyncSettings {
	/** DST_API_URL: the API's base address, without /v1. */
	baseUrl: string;
	/** FEED_ALLOW_PRIVATE: only for tests against a local stand-in server. */
	allowPrivate?: boolean;
	timeoutMs?: number;
	/** Who the import is recorded as (the CLI's user, or the server's schedule). */
	actor: string;
}

/** What a sync did, for the CLI, the admin page and the log. */
export type SyncOutcome =
	| { code: string; table: string; status: 'imported'; vintage: Date; preview: ImportPreview }
	| { code: string; table: string; status: 'unchanged'; vintage: Date }
	| { code: string; table: string; status: 'failed'; error: { en: string; da: string } };

/** A sync that could not be done, said in English and in Danish. */
class SyncFailure extends Error {
	constructor(readonly words: { en: string; da: string }) {
		super(words.en);
	}
}
const failure = (en: string, da: string) => new SyncFailure({ en, da });

// The parts of the API's answers the sync reads; anything else in them is ignored.
const tableInfo = z.object({
	id: z.string(),
	text: z.string().optional(),
	updated: z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'is not a time'),
	variables: z.array(
		z.object({
			id: z.string(),
			text: z.string().optional(),
			values: z.array(z.object({ id: z.string(), text: z.string() }))
		})
	)
});
const apiError = z.object({ message: z.string(), errorTypeCode: z.string().optional() });

/** StatBank writes "2026-02-12T08:00:00" in Danish time, without an offset. */
function vintageOf(updated: string): Date {
	if (/[zZ]|[+-]\d\d:\d\d$/.test(updated)) return new Date(updated);
	const asUtc = new Date(`${updated}Z`);
	const offset = danishOffsetMinutes(asUtc);
	return new Date(asUtc.getTime() - offset * 60_000);
}

function danishOffsetMinutes(at: Date): number {
	const part = new Intl.DateTimeFormat('en', {
		timeZone: 'Europe/Copenhagen',
		timeZoneName: 'longOffset'
	})
		.formatToParts(at)
		.find((p) => p.type === 'timeZoneName')?.value;
	const match = /GMT([+-])(\d\d):(\d\d)/.exec(part ?? '');
	return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

async function post(settings: SyncSettings, path: string, body: unknown, table: string) {
	const url = `${settings.baseUrl.replace(/\/+$/, '')}/v1/${path}`;
	try {
		return await fetchLimited(url, {
			method: 'POST',
			body: JSON.stringify(body),
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			allowPrivate: settings.allowPrivate,
			timeoutMs: settings.timeoutMs ?? 30_000,
			// A municipality-level indicator table is a few hundred KB; 20 MB is far above any.
			maxBytes: 20 * 1024 * 1024
		});
	} catch (error) {
		if (!(error instanceof FetchError)) throw error;
		if (error.status === 429)
			throw failure(
				`Statistics Denmark asked us to wait (429${error.retryAfter ? `, retry after ${error.retryAfter} s` : ''}); the next sync tries again`,
				`Danmarks Statistik bad os vente (429${error.retryAfter ? `, prøv igen om ${error.retryAfter} s` : ''}); næste synkronisering prøver igen`
			);
		if (error.reason === 'status' && error.status && error.status < 500) {
			// The API says what is wrong in the body; an unknown table is the common case.
			const said = apiError.safeParse(error.body ? parseJson(error.body) : undefined);
			const why = said.success ? `: ${said.data.message.slice(0, 300)}` : '';
			if (said.success && /TABLE|TABEL/i.test(said.data.errorTypeCode ?? ''))
				throw failure(
					`Statistics Denmark does not know table ${table}${why}`,
					`Danmarks Statistik kender ikke tabel ${table}${why}`
				);
			throw failure(
				`Statistics Denmark refused the request for table ${table} (${error.status})${why}`,
				`Danmarks Statistik afviste forespørgslen på tabel ${table} (${error.status})${why}`
			);
		}
		if (error.reason === 'timeout')
			throw failure(
				`Statistics Denmark did not answer in time (${path})`,
				`Danmarks Statistik svarede ikke i tide (${path})`
			);
		throw failure(
			`could not fetch from Statistics Denmark: ${error.message}`,
			`kunne ikke hente fra Danmarks Statistik: ${error.message}`
		);
	}
}

async function fetchTableInfo(settings: SyncSettings, table: string) {
	const answer = await post(settings, 'tableinfo', { table, format: 'JSON', lang: 'da' }, table);
	const known = tableInfo.safeParse(parseJson(answer.body));
	if (known.success) return known.data;
	throw failure(
		`the answer about table ${table} is not StatBank's table information`,
		`svaret om tabel ${table} er ikke Statistikbankens tabeloplysninger`
	);
}

function parseJson(bytes: Uint8Array): unknown {
	try {
		return JSON.parse(new TextDecoder().decode(bytes));
	} catch {
		return undefined;
	}
}

/**
 * The selection checked against the table as it is now: every variable and every value named
 * must exist. A value Statistics Denmark has renamed or removed is named, so the editor can
 * fix the strategy file, rather than imported as an empty or wrong series.
 */
function checkSelection(info: z.infer<typeof tableInfo>, source: StatbankSource) {
	const problems: { en: string; da: string }[] = [];
	for (const [variable, values] of Object.entries(source.selection)) {
		const found = info.variables.find((v) => v.id.toLowerCase() === variable.toLowerCase());
		if (!found) {
			problems.push({
				en: `table ${info.id} has no variable ${variable} (it has ${info.variables.map((v) => v.id).join(', ')})`,
				da: `tabel ${info.id} har ingen variabel ${variable} (den har ${info.variables.map((v) => v.id).join(', ')})`
			});
			continue;
		}
		const ids = new Set(found.values.map((v) => v.id));
		for (const value of values) {
			if (value === '*' || /[*<>]/.test(value)) continue;
			if (!ids.has(value))
				problems.push({
					en: `variable ${found.id} in table ${info.id} has no value "${value}": renamed or removed by Statistics Denmark?`,
					da: `variablen ${found.id} i tabel ${info.id} har ingen værdi "${value}": omdøbt eller fjernet af Danmarks Statistik?`
				});
		}
	}
	if (problems.length > 0)
		throw new SyncFailure({
			en: problems.map((p) => p.en).join('; '),
			da: problems.map((p) => p.da).join('; ')
		});
}

/** The StatBank source of each indicator in the active strategy that names one. */
export async function statbankSources(db: Db): Promise<Map<string, StatbankSource>> {
	const strategy = await getStrategyDefinition(db);
	const sources = new Map<string, StatbankSource>();
	for (const guidepost of strategy?.guideposts ?? [])
		for (const indicator of guidepost.indicators)
			if (indicator.source?.statbank) sources.set(indicator.code, indicator.source.statbank);
	return sources;
}

/**
 * Syncs one indicator from StatBank: reads the table's information, and when the table was
 * updated since the last sync (or the selection changed, or `force`), fetches the figures
 * and imports them; a file replaces only the slice it covers, as every import does. Every
 * failure is recorded for the admin page and logged, and changes no figures.
 */
export async function syncIndicator(
	db: Db,
	code: string,
	settings: SyncSettings,
	options: { source?: StatbankSource; force?: boolean } = {}
): Promise<SyncOutcome> {
	const source = options.source ?? (await statbankSources(db)).get(code);
	if (!source)
		return recordFailure(db, code, '', {
			en: `indicator ${code} names no StatBank source: add source.statbank to the strategy file, or give --table and --selection`,
			da: `indikatoren ${code} har ingen kilde i Statistikbanken: tilføj source.statbank i strategifilen, eller angiv --table og --selection`
		});
	const request = {
		selection: source.selection,
		measure: source.measure ?? null,
		mapping: source.mapping ?? null
	};
	try {
		const info = await fetchTableInfo(settings, source.table);
		checkSelection(info, source);
		const vintage = vintageOf(info.updated);
		const [last] = await db
			.select()
			.from(statbankSyncs)
			.where(eq(statbankSyncs.indicatorCode, code));
		const sameRequest =
			last?.sourceTable === source.table && canonical(last.request) === canonical(request);
		if (
			!options.force &&
			sameRequest &&
			last?.succeededAt &&
			last.vintage?.getTime() === vintage.getTime()
		) {
			await db
				.update(statbankSyncs)
				.set({ checkedAt: new Date(), error: null })
				.where(eq(statbankSyncs.indicatorCode, code));
			countRun('sync', 'unchanged');
			return { code, table: source.table, status: 'unchanged', vintage };
		}
		const data = await post(
			settings,
			'data',
			{
				table: source.table,
				format: 'JSONSTAT',
				lang: 'da',
				variables: Object.entries(source.selection).map(([variable, values]) => ({
					code: variable,
					values
				}))
			},
			source.table
		);
		const outcome = await importFile(
			db,
			code,
			{
				data: data.body,
				fileName: `${source.table}.json`,
				mapping: {
					...(source.measure ? { measure: source.measure } : {}),
					...(source.mapping?.period ? { period: source.mapping.period } : {}),
					...(source.mapping?.geo ? { geo: source.mapping.geo } : {})
				}
			},
			{ actor: settings.actor }
		);
		if (!outcome.ok) throw rejected(source.table, outcome.problems);
		const values = {
			sourceTable: source.table,
			request,
			vintage,
			batchId: outcome.batchId ?? null,
			checkedAt: new Date(),
			succeededAt: new Date(),
			error: null
		};
		// The vintage shows on the public indicator page, so its caches must see it change.
		await db.transaction(async (tx) => {
			await tx
				.insert(statbankSyncs)
				.values({ indicatorCode: code, ...values })
				.onConflictDoUpdate({ target: statbankSyncs.indicatorCode, set: values });
			await bumpContentVersion(tx);
		});
		logger.info(
			{ indicator: code, table: source.table, vintage, ...outcome.preview },
			'synced an indicator from Statistics Denmark'
		);
		countRun('sync', 'imported');
		return { code, table: source.table, status: 'imported', vintage, preview: outcome.preview };
	} catch (error) {
		if (!(error instanceof SyncFailure)) throw error;
		return recordFailure(db, code, source.table, error.words, request);
	}
}

/** JSON with its keys sorted: jsonb keeps its own key order, not the order written. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: v
	);
}

function rejected(table: string, problems: ImportProblem[]) {
	const listed = problems
		.slice(0, 5)
		.map((p) => `${p.where}: ${p.message}`)
		.join('; ');
	const more = problems.length > 5 ? ` (+${problems.length - 5})` : '';
	return failure(
		`the figures from table ${table} were rejected, nothing was imported: ${listed}${more}`,
		`tallene fra tabel ${table} blev afvist, intet blev importeret: ${listed}${more}`
	);
}

async function recordFailure(
	db: Db,
	code: string,
	table: string,
	error: { en: string; da: string },
	request: Record<string, unknown> = {}
): Promise<SyncOutcome> {
	logger.warn({ indicator: code, table, reason: error.en }, 'an indicator sync failed');
	countRun('sync', 'failed');
	if (table) {
		await db
			.insert(statbankSyncs)
			.values({ indicatorCode: code, sourceTable: table, request, checkedAt: new Date(), error })
			.onConflictDoUpdate({
				target: statbankSyncs.indicatorCode,
				set: { checkedAt: new Date(), error }
			});
	}
	return { code, table, status: 'failed', error };
}

/** Every indicator with a StatBank source, one after the other (the API asks for no bursts). */
export async function syncAllIndicators(db: Db, settings: SyncSettings): Promise<SyncOutcome[]> {
	const outcomes: SyncOutcome[] = [];
	for (const [code, source] of await statbankSources(db))
		outcomes.push(await syncIndicator(db, code, settings, { source }));
	return outcomes;
}

/** The last sync of each indicator, for the admin page and the indicator page's vintage. */
export async function statbankSyncStates(db: Db) {
	const rows = await db.select().from(statbankSyncs);
	return new Map(rows.map((r) => [r.indicatorCode, r]));
}

export type StatbankSyncState = typeof statbankSyncs.$inferSelect;

/** A source given on the command line (`--table` and `--selection`), checked like the file's. */
export function sourceFromFlags(
	table: string,
	selection: string,
	base?: StatbankSource
): { ok: true; source: StatbankSource } | { ok: false; message: string } {
	let parsed: unknown;
	try {
		parsed = JSON.parse(selection);
	} catch (error) {
		return { ok: false, message: `--selection is not JSON: ${(error as Error).message}` };
	}
	const result = statbankSource.safeParse({ ...base, table, selection: parsed });
	if (!result.success)
		return {
			ok: false,
			message: result.error.issues
				.map((i) => `${i.path.join('.') || 'selection'}: ${i.message}`)
				.join('; ')
		};
	return { ok: true, source: result.data };
}

/** The table and "last updated" of an indicator's last successful sync, for its page. */
export async function statbankVintage(
	db: Db,
	code: string
): Promise<{ table: string; vintage: Date } | null> {
	const [row] = await db
		.select({ table: statbankSyncs.sourceTable, vintage: statbankSyncs.vintage })
		.from(statbankSyncs)
		.where(eq(statbankSyncs.indicatorCode, code));
	return row?.vintage ? { table: row.table, vintage: row.vintage } : null;
}

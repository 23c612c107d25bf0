import { actorId, assertMay, type FollowUpActor } from './actor.ts';
import { eq, inArray } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../db/index.ts';
import { organizations, uniqueSlug } from '../directory/index.ts';
import { inProblemLanguage, tr, type ProblemLanguage } from '../problem-language.ts';
import {
	initiativeInput,
	organizationsByNameOrSlug,
	referenceIssues,
	saveInitiative,
	type InitiativeData
} from './initiatives.ts';
import { initiatives, LIFECYCLES, milestones, type Lifecycle } from './schema.ts';
import {
	formatImportProblems,
	readTableColumns,
	writeXlsx,
	type ImportProblem
} from '../table-file.ts';

/** The spreadsheet's columns, in order, with the English names an import also accepts. */
export const COLUMNS = [
	['id', 'id'],
	['titel', 'title'],
	['titel_en', 'title_en'],
	['handlinger', 'actions'],
	['indikatorer', 'indicators'],
	['ansvarlig', 'owner'],
	['partnere', 'partners'],
	['start', 'start'],
	['slut', 'end'],
	['status', 'lifecycle'],
	['fremdrift', 'progress'],
	['beskrivelse', 'description']
] as const;
type Column = (typeof COLUMNS)[number][0];
const REQUIRED: Column[] = ['id', 'titel', 'handlinger', 'ansvarlig'];

export type { ImportProblem };
export { formatImportProblems };

export type InitiativeImportOutcome =
	| { ok: true; created: number; updated: number; organisationsCreated: string[] }
	| { ok: false; problems: ImportProblem[] };

function splitList(value: string): string[] {
	return value
		.split(/[,\n]/)
		.map((v) => v.trim())
		.filter(Boolean);
}

/** `dd-mm-åååå` (also with `.` or `/`) or ISO `åååå-mm-dd`; undefined when not a real date. */
export function parseDate(value: string): string | undefined {
	const text = value.trim();
	let y: number, m: number, d: number;
	let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
	if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	else {
		match = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(text);
		if (!match) return undefined;
		[d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
	}
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
		return undefined;
	return date.toISOString().slice(0, 10);
}

/** What the zod schema's field names are called in the file. */
const FIELD_COLUMN: Record<string, Column> = {
	externalId: 'id',
	title: 'titel',
	description: 'beskrivelse',
	actionCodes: 'handlinger',
	indicatorCodes: 'indikatorer',
	ownerId: 'ansvarlig',
	partnerIds: 'partnere',
	startDate: 'start',
	endDate: 'slut',
	lifecycle: 'status',
	progress: 'fremdrift'
};

function zodMessage(issue: z.core.$ZodIssue): string {
	const [field, index] = issue.path;
	const texts: [RegExp, string, string][] = [
		[
			/strategy has no action (.+)/,
			'the strategy has no action $1',
			'strategien har ingen handling $1'
		],
		[
			/strategy has no indicator (.+)/,
			'the strategy has no indicator $1',
			'strategien har ingen indikator $1'
		],
		[/ends before it starts/, 'ends before it starts', 'slutter før den begynder'],
		[
			/owner cannot also be a partner/,
			'the owner cannot also be a partner',
			'den ansvarlige kan ikke også være partner'
		],
		[/is required|Too small|at least one/i, 'must not be empty', 'må ikke være tom'],
		[/at most (\d+)/, 'is too long (at most $1 characters)', 'er for lang (højst $1 tegn)'],
		[/control characters/, 'contains control characters', 'indeholder kontroltegn']
	];
	for (const [pattern, en, da] of texts) {
		const match = pattern.exec(issue.message);
		if (match) return tr(en.replace('$1', match[1] ?? ''), da.replace('$1', match[1] ?? ''));
	}
	const where = index === undefined ? '' : ` (${Number(index) + 1})`;
	return tr(`${issue.message}${where}`, `${issue.message}${where}`) + (field ? '' : '');
}

interface ParsedRow {
	row: number;
	externalId: string;
	/** The file's values; columns it does not have are left out, so an update keeps them. */
	data: Partial<InitiativeData> & { title: InitiativeData['title'] };
	ownerKey: string;
	partnerKeys: string[];
}

/**
 * Imports initiatives from a CSV or XLSX file: every row is checked first, and nothing changes
 * unless all rows are right. Rows update the initiative with the same `id`; columns the file
 * does not have (milestones, links, budget) are kept.
 */
export async function importInitiatives(
	db: Db,
	actor: FollowUpActor,
	bytes: Uint8Array,
	options: { createOrganisations?: boolean; language?: ProblemLanguage } = {}
): Promise<InitiativeImportOutcome> {
	assertMay(actor, 'initiatives.manage');
	return inProblemLanguage(options.language ?? 'en', () => run(db, actor, bytes, options));
}

async function run(
	db: Db,
	actor: FollowUpActor,
	bytes: Uint8Array,
	options: { createOrganisations?: boolean }
): Promise<InitiativeImportOutcome> {
	const read = await readTableColumns(bytes, COLUMNS, REQUIRED);
	if (!read.ok) return read;
	const { table, index } = read;
	const problems: ImportProblem[] = [];

	const parsed: ParsedRow[] = [];
	const seen = new Map<string, number>();
	for (const { number, cells } of table.rows) {
		const cell = (c: Column) => (index.has(c) ? (cells[index.get(c)!] ?? '').trim() : undefined);
		const fail = (column: Column, message: string) =>
			problems.push({ row: number, column, message });
		const externalId = cell('id') ?? '';
		if (!externalId) fail('id', tr('must not be empty', 'må ikke være tom'));
		else if (seen.has(externalId))
			fail(
				'id',
				tr(
					`the same id as row ${seen.get(externalId)}`,
					`samme id som række ${seen.get(externalId)}`
				)
			);
		else seen.set(externalId, number);
		const data: ParsedRow['data'] = { title: { da: cell('titel') ?? '' } };
		const titleEn = cell('titel_en');
		if (titleEn) data.title.en = titleEn;
		const description = cell('beskrivelse');
		if (description !== undefined) data.description = { da: description || (cell('titel') ?? '') };
		data.actionCodes = splitList(cell('handlinger') ?? '');
		const indicators = cell('indikatorer');
		if (indicators !== undefined) data.indicatorCodes = splitList(indicators);
		for (const [column, key] of [
			['start', 'startDate'],
			['slut', 'endDate']
		] as const) {
			const value = cell(column);
			if (value === undefined) continue;
			if (value === '') data[key] = undefined;
			else {
				const date = parseDate(value);
				if (date) data[key] = date;
				else
					fail(
						column,
						tr(
							`"${value}" is not a date; write 12-03-2026 or 2026-03-12`,
							`"${value}" er ikke en dato; skriv 12-03-2026 eller 2026-03-12`
						)
					);
			}
		}
		const status = cell('status');
		if (status) {
			const key = status.toLowerCase().replace(/\s+/g, '-');
			if ((LIFECYCLES as readonly string[]).includes(key)) data.lifecycle = key as Lifecycle;
			else
				fail(
					'status',
					tr(
						`"${status}" is not a status; use ${LIFECYCLES.join(', ')}`,
						`"${status}" er ikke en status; brug ${LIFECYCLES.join(', ')}`
					)
				);
		}
		const progress = cell('fremdrift');
		if (progress) {
			const text = progress.replace(/\s*%$/, '').replace(',', '.');
			const value = Number(text);
			if (/^\d+(\.\d+)?$/.test(text) && value >= 0 && value <= 100)
				data.progress = Math.round(value);
			else
				fail(
					'fremdrift',
					tr(
						`"${progress}" is not a number from 0 to 100`,
						`"${progress}" er ikke et tal fra 0 til 100`
					)
				);
		}
		parsed.push({
			row: number,
			externalId,
			data,
			ownerKey: cell('ansvarlig') ?? '',
			partnerKeys: splitList(cell('partnere') ?? '')
		});
	}

	// Organisations by name or slug; unknown ones are problems unless they may be created.
	const known = await organizationsByNameOrSlug(
		db,
		parsed.flatMap((p) => [p.ownerKey, ...p.partnerKeys]).filter(Boolean)
	);
	const missing = new Map<string, string>();
	for (const p of parsed) {
		if (!p.ownerKey) {
			problems.push({
				row: p.row,
				column: 'ansvarlig',
				message: tr('must not be empty', 'må ikke være tom')
			});
			continue;
		}
		for (const [column, key] of [
			['ansvarlig', p.ownerKey],
			...p.partnerKeys.map((k) => ['partnere', k] as const)
		] as const) {
			if (known.has(key.toLowerCase())) continue;
			if (options.createOrganisations) missing.set(key.toLowerCase(), key);
			else
				problems.push({
					row: p.row,
					column,
					message: tr(
						`no organisation is called "${key}"; create it first, or import with --create-organisations`,
						`ingen organisation hedder "${key}"; opret den først, eller importér med --create-organisations`
					)
				});
		}
	}
	if (problems.length > 0) return { ok: false, problems };

	const writer = actorId(actor);
	try {
		return await db.transaction(async (tx) => {
			const created: string[] = [];
			for (const [lower, name] of missing) {
				const slug = await uniqueSlug(tx, 'organizations', name, 'organisation');
				const [row] = await tx
					.insert(organizations)
					.values({ name, slug, kind: 'other' })
					.returning({ id: organizations.id });
				known.set(lower, row!.id);
				created.push(name);
				await recordAudit(tx, {
					actor: writer,
					action: 'organization.create',
					entityType: 'organization',
					entityId: row!.id,
					details: { after: { name, kind: 'other' }, by: 'initiatives import' }
				});
			}
			const existing = new Map(
				(
					await tx
						.select()
						.from(initiatives)
						.where(
							inArray(
								initiatives.externalId,
								parsed.map((p) => p.externalId)
							)
						)
				).map((r) => [r.externalId!, r])
			);
			const rowProblems: ImportProblem[] = [];
			const valid: { p: ParsedRow; data: InitiativeData; id?: string }[] = [];
			for (const p of parsed) {
				const before = existing.get(p.externalId);
				const merged = {
					...(before
						? {
								description: before.description,
								indicatorCodes: before.indicatorCodes,
								responsible: before.responsible ?? undefined,
								startDate: before.startDate ?? undefined,
								endDate: before.endDate ?? undefined,
								lifecycle: before.lifecycle,
								progress: before.progress,
								budgetOre: before.budgetOre ?? undefined,
								offerIds: before.offerIds,
								opportunityIds: before.opportunityIds,
								partnershipIds: before.partnershipIds,
								isDemo: before.isDemo
							}
						: { description: { da: p.data.title.da } }),
					...Object.fromEntries(Object.entries(p.data).filter(([, v]) => v !== undefined)),
					...(p.data.startDate === undefined && 'startDate' in p.data
						? { startDate: undefined }
						: {}),
					...(p.data.endDate === undefined && 'endDate' in p.data ? { endDate: undefined } : {}),
					externalId: p.externalId,
					ownerId: known.get(p.ownerKey.toLowerCase()),
					partnerIds: p.partnerKeys.map((k) => known.get(k.toLowerCase())!)
				};
				if (before) {
					// Milestones are not in the file: an update keeps them.
					const kept = await tx
						.select()
						.from(milestones)
						.where(eq(milestones.initiativeId, before.id))
						.orderBy(milestones.position);
					(merged as Record<string, unknown>).milestones = kept.map((m) => ({
						title: m.title,
						...(m.dueDate ? { dueDate: m.dueDate } : {}),
						...(m.doneDate ? { doneDate: m.doneDate } : {})
					}));
				}
				const result = initiativeInput.safeParse(merged);
				if (!result.success) {
					for (const issue of result.error.issues)
						rowProblems.push({
							row: p.row,
							column: FIELD_COLUMN[String(issue.path[0])] ?? String(issue.path[0]),
							message: zodMessage(issue)
						});
					continue;
				}
				for (const issue of await referenceIssues(tx, result.data))
					rowProblems.push({
						row: p.row,
						column: FIELD_COLUMN[String(issue.path[0])] ?? String(issue.path[0]),
						message: zodMessage(issue)
					});
				valid.push({ p, data: result.data, id: before?.id });
			}
			if (rowProblems.length > 0) throw new RowProblems(rowProblems);
			let createdCount = 0;
			for (const { data, id } of valid) {
				const saved = await saveInitiative(tx, actor, data, id);
				if (saved.created) createdCount++;
			}
			return {
				ok: true as const,
				created: createdCount,
				updated: valid.length - createdCount,
				organisationsCreated: created
			};
		});
	} catch (error) {
		if (error instanceof RowProblems) return { ok: false, problems: error.problems };
		throw error;
	}
}

/** Thrown inside the import's transaction to roll back everything, organisations included. */
class RowProblems extends Error {
	constructor(readonly problems: ImportProblem[]) {
		super('rows have problems');
	}
}

export type ExportFormat = 'csv' | 'xlsx' | 'json';

/** Every initiative in the import's columns, so an export edited in Excel imports back. */
export async function exportInitiatives(db: Db, format: ExportFormat): Promise<Uint8Array> {
	const rows = await db
		.select({
			externalId: initiatives.externalId,
			slug: initiatives.slug,
			title: initiatives.title,
			description: initiatives.description,
			actionCodes: initiatives.actionCodes,
			indicatorCodes: initiatives.indicatorCodes,
			ownerId: initiatives.ownerId,
			partnerIds: initiatives.partnerIds,
			startDate: initiatives.startDate,
			endDate: initiatives.endDate,
			lifecycle: initiatives.lifecycle,
			progress: initiatives.progress
		})
		.from(initiatives)
		.orderBy(initiatives.externalId, initiatives.slug);
	const names = new Map(
		(await db.select({ id: organizations.id, name: organizations.name }).from(organizations)).map(
			(o) => [o.id, o.name]
		)
	);
	const records = rows.map((r) => ({
		id: r.externalId ?? r.slug,
		titel: r.title.da,
		titel_en: r.title.en ?? '',
		handlinger: r.actionCodes.join(','),
		indikatorer: r.indicatorCodes.join(','),
		ansvarlig: names.get(r.ownerId) ?? '',
		partnere: r.partnerIds.map((id) => names.get(id) ?? '').join(','),
		start: r.startDate ?? '',
		slut: r.endDate ?? '',
		status: r.lifecycle,
		fremdrift: String(r.progress),
		beskrivelse: r.description.da
	}));
	const header = COLUMNS.map((c) => c[0]);
	if (format === 'json')
		return new TextEncoder().encode(JSON.stringify({ items: records }, null, '\t') + '\n');
	const cells = records.map((r) => header.map((h) => r[h]));
	if (format === 'xlsx') return writeXlsx('Indsatser', header, cells);
	return new TextEncoder().encode(
		stringify([header, ...cells], { delimiter: ';', record_delimiter: '\r\n', bom: true })
	);
}

/** The initiative an external id names, for tests and the CLI's messages. */
export async function initiativeByExternalId(db: Db, externalId: string) {
	const [row] = await db.select().from(initiatives).where(eq(initiatives.externalId, externalId));
	return row;
}

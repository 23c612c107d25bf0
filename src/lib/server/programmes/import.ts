import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/index.ts';
import { lookup, type Db } from '../db/index.ts';
import { organizations, uniqueSlug } from '../directory/index.ts';
import { inProblemLanguage, tr, type ProblemLanguage } from '../problem-language.ts';
import { rememberWords } from '../search/index.ts';
import {
	formatImportProblems,
	readTableColumns,
	type Columns,
	type ImportProblem
} from '../table-file.ts';
import { parseRequirements, type Requirements } from './prerequisites.ts';
import { programmeFigures, programmes, type Deadline } from './schema.ts';
import { levelRank, programmeKeywords, programmeTaxonomy } from './taxonomy.ts';

export type ImportOutcome =
	{ ok: true; created: number; updated: number } | { ok: false; problems: ImportProblem[] };

/** The programme template's columns (Danish name, English name); docs/data-formats.md lists them. */
export const PROGRAMME_COLUMNS = [
	['id', 'id'],
	['institution', 'institution'],
	['titel', 'title'],
	['titel_en', 'title_en'],
	['niveau', 'level'],
	['speciale', 'speciality'],
	['fagomraade', 'field'],
	['byer', 'places'],
	['varighed_mdr', 'duration_months'],
	['ects', 'ects'],
	['sprog', 'language'],
	['start', 'start_months'],
	['ansoeg', 'apply_via'],
	['frist_kvote1', 'deadline_quota1'],
	['frist_kvote2', 'deadline_quota2'],
	['frist', 'deadline'],
	['adgangskrav', 'requirements'],
	['adgangskrav_en', 'requirements_en'],
	['adgang', 'admission'],
	['su', 'su'],
	['beskrivelse', 'summary'],
	['beskrivelse_en', 'summary_en'],
	['link', 'url'],
	['ug_link', 'ug_url'],
	['kot', 'kot'],
	['kilde', 'source'],
	['demo', 'demo']
] as const satisfies Columns;

/** The figures template's columns. */
export const FIGURE_COLUMNS = [
	['uddannelse', 'programme'],
	['aar', 'year'],
	['ansoegere', 'applicants'],
	['optaget', 'admitted'],
	['adgangskvotient', 'cutoff'],
	['standby', 'standby'],
	['ledighed', 'unemployment'],
	['frafald', 'dropout'],
	['kilde', 'source'],
	['demo', 'demo']
] as const satisfies Columns;

export const formatProblems = formatImportProblems;

/** A row's cells by column, and a place to note its problems. */
class RowReader<C extends Columns> {
	constructor(
		private readonly cells: string[],
		private readonly index: Map<C[number][0], number>,
		readonly row: number,
		private readonly problems: ImportProblem[]
	) {}
	text(column: C[number][0]): string {
		const i = this.index.get(column);
		// Control characters (NUL included, which PostgreSQL refuses in text) are dropped.
		return i === undefined
			? ''
			: [...(this.cells[i] ?? '')]
					.filter((c) => c >= ' ' || c === '\n' || c === '\t')
					.join('')
					.trim();
	}
	problem(column: string | undefined, en: string, da: string) {
		this.problems.push({ row: this.row, ...(column ? { column } : {}), message: tr(en, da) });
	}
	required(column: C[number][0], max = 300): string {
		const value = this.text(column);
		if (!value) this.problem(column, 'must not be empty', 'må ikke være tom');
		else if (value.length > max)
			this.problem(
				column,
				`is too long (at most ${max} characters)`,
				`er for lang (højst ${max} tegn)`
			);
		return value;
	}
	optional(column: C[number][0], max = 4000): string | null {
		const value = this.text(column);
		if (value.length > max)
			this.problem(
				column,
				`is too long (at most ${max} characters)`,
				`er for lang (højst ${max} tegn)`
			);
		return value || null;
	}
	whole(column: C[number][0], min: number, max: number): number | null {
		const value = this.text(column);
		if (!value) return null;
		const n = Number(value);
		if (!Number.isInteger(n) || n < min || n > max) {
			this.problem(
				column,
				`"${value}" is not a whole number from ${min} to ${max}`,
				`"${value}" er ikke et helt tal fra ${min} til ${max}`
			);
			return null;
		}
		return n;
	}
	yesNo(column: C[number][0]): boolean | null {
		const value = this.text(column).toLowerCase();
		if (!value) return null;
		if (['ja', 'yes', 'true', '1'].includes(value)) return true;
		if (['nej', 'no', 'false', '0'].includes(value)) return false;
		this.problem(column, `"${value}" is neither ja nor nej`, `"${value}" er hverken ja eller nej`);
		return null;
	}
	url(column: C[number][0]): string | null {
		const value = this.optional(column, 500);
		if (value && !/^https:\/\/[^\s]+$/.test(value)) {
			this.problem(column, 'is not an https:// address', 'er ikke en https://-adresse');
			return null;
		}
		return value;
	}
}

/** `05-07 12:00` (day-month and Danish time): a deadline every year. */
/**
 * A yearly deadline written as day-month and a Danish time, `05-07 12:00` (or `5.7 kl. 12.00`;
 * without a time, the end of the day): the deadline, or undefined when it does not read.
 */
export function parseDeadline(value: string, kind: Deadline['kind']): Deadline | undefined {
	const match = /^(\d{1,2})[-./](\d{1,2})(?:\s+(?:kl\.?\s*)?(\d{1,2})[:.](\d{2}))?$/.exec(
		value.trim()
	);
	const day = Number(match?.[1]);
	const month = Number(match?.[2]);
	const days = new Date(Date.UTC(2024, month, 0)).getUTCDate();
	const hour = Number(match?.[3] ?? 23);
	const minute = Number(match?.[4] ?? 59);
	if (!match || month < 1 || month > 12 || day < 1 || day > days || hour > 23 || minute > 59)
		return undefined;
	return {
		kind,
		day,
		month,
		time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
	};
}

function deadline(
	r: RowReader<typeof PROGRAMME_COLUMNS>,
	column: 'frist_kvote1' | 'frist_kvote2' | 'frist',
	kind: Deadline['kind']
): Deadline | null {
	const value = r.text(column);
	if (!value) return null;
	const read = parseDeadline(value, kind);
	if (!read)
		r.problem(
			column,
			`"${value}" is not a day and time such as "05-07 12:00" (5 July, noon)`,
			`"${value}" er ikke en dag og et klokkeslæt som "05-07 12:00" (5. juli kl. 12)`
		);
	return read ?? null;
}

interface ProgrammeRow {
	row: number;
	externalId: string;
	institution: string;
	values: Omit<typeof programmes.$inferInsert, 'slug' | 'organizationId' | 'keywords'>;
}

function readProgramme(r: RowReader<typeof PROGRAMME_COLUMNS>): ProgrammeRow {
	const taxonomy = programmeTaxonomy();
	const externalId = r.required('id', 100);
	const institution = r.required('institution');
	const title = r.required('titel');
	const level = r.required('niveau', 40).toLowerCase();
	if (level && !taxonomy.levels.some((l) => l.code === level && !l.position))
		r.problem(
			'niveau',
			`"${level}" is not a level; the levels are ${taxonomy.levels
				.filter((l) => !l.position)
				.map((l) => l.code)
				.join(', ')}`,
			`"${level}" er ikke et niveau; niveauerne er ${taxonomy.levels
				.filter((l) => !l.position)
				.map((l) => l.code)
				.join(', ')}`
		);
	const field = r.optional('fagomraade', 4);
	if (field && !taxonomy.fields.some((f) => f.code === field.padStart(2, '0')))
		r.problem(
			'fagomraade',
			`"${field}" is not a DISCED-15 broad field (00-10)`,
			`"${field}" er ikke et DISCED-15-hovedområde (00-10)`
		);
	const language = (r.text('sprog') || 'da').toLowerCase();
	if (language !== 'da' && language !== 'en')
		r.problem('sprog', `"${language}" is not da or en`, `"${language}" er hverken da eller en`);
	const applyVia = r.required('ansoeg', 20).toLowerCase();
	if (applyVia && applyVia !== 'optagelse' && applyVia !== 'institution')
		r.problem(
			'ansoeg',
			`"${applyVia}" is neither optagelse (optagelse.dk) nor institution`,
			`"${applyVia}" er hverken optagelse (optagelse.dk) eller institution`
		);
	const startMonths: number[] = [];
	for (const part of r
		.text('start')
		.split(/[;,\s]+/)
		.filter(Boolean)) {
		const n = Number(part);
		if (!Number.isInteger(n) || n < 1 || n > 12)
			r.problem(
				'start',
				`"${part}" is not a month from 1 to 12`,
				`"${part}" er ikke en måned fra 1 til 12`
			);
		else if (!startMonths.includes(n)) startMonths.push(n);
	}
	const deadlines = [
		deadline(r, 'frist_kvote1', 'kvote1'),
		deadline(r, 'frist_kvote2', 'kvote2'),
		deadline(r, 'frist', 'institution')
	].filter((d): d is Deadline => d !== null);
	const parsed = parseRequirements(r.text('adgang'), taxonomy);
	let requirements: Requirements = { known: false, routes: [] };
	if (parsed.ok) requirements = parsed.value;
	else for (const p of parsed.problems) r.problem('adgang', p.en, p.da);
	const requirementsDa = r.optional('adgangskrav');
	const summaryDa = r.optional('beskrivelse');
	const demo = r.yesNo('demo') ?? false;
	return {
		row: r.row,
		externalId,
		institution,
		values: {
			externalId,
			title: { da: title, ...(r.text('titel_en') ? { en: r.text('titel_en') } : {}) },
			summary: summaryDa
				? { da: summaryDa, ...(r.text('beskrivelse_en') ? { en: r.text('beskrivelse_en') } : {}) }
				: null,
			level,
			speciality: r.optional('speciale', 200),
			field: field ? field.padStart(2, '0') : null,
			places: r
				.text('byer')
				.split(/[;,]/)
				.map((s) => s.trim())
				.filter(Boolean),
			durationMonths: r.whole('varighed_mdr', 1, 120),
			ects: r.whole('ects', 1, 600),
			language,
			startMonths: startMonths.sort((a, b) => a - b),
			applyVia: applyVia as 'optagelse' | 'institution',
			deadlines,
			requirementsText: requirementsDa
				? {
						da: requirementsDa,
						...(r.text('adgangskrav_en') ? { en: r.text('adgangskrav_en') } : {})
					}
				: null,
			requirements,
			su: r.yesNo('su'),
			url: r.url('link'),
			ugUrl: r.url('ug_link'),
			kotNumber: r.optional('kot', 20),
			source: r.required('kilde', 1000),
			isDemo: demo
		}
	};
}

/**
 * Imports programmes from CSV or XLSX: every row is checked first, and nothing changes unless
 * every row is right. A row updates the programme with the same `id`, or adds it.
 */
export async function importProgrammes(
	db: Db,
	bytes: Uint8Array,
	options: { actor: string; language?: ProblemLanguage }
): Promise<ImportOutcome> {
	return inProblemLanguage(options.language ?? 'en', async () => {
		const read = await readTableColumns(bytes, PROGRAMME_COLUMNS, [
			'id',
			'institution',
			'titel',
			'niveau',
			'ansoeg',
			'kilde'
		]);
		if (!read.ok) return read;
		const problems: ImportProblem[] = [];
		const rows = read.table.rows.map((row) =>
			readProgramme(new RowReader(row.cells, read.index, row.number, problems))
		);
		const seen = new Map<string, number>();
		for (const row of rows) {
			const first = seen.get(row.externalId);
			if (row.externalId && first !== undefined)
				problems.push({
					row: row.row,
					column: 'id',
					message: tr(`the id is used in row ${first} too`, `id'et bruges også i række ${first}`)
				});
			else seen.set(row.externalId, row.row);
		}
		const keys = [...new Set(rows.map((r) => r.institution.toLowerCase()).filter(Boolean))];
		const orgs = keys.length
			? await db
					.select({ id: organizations.id, name: organizations.name, slug: organizations.slug })
					.from(organizations)
					.where(
						sql`lower(${organizations.name}) = any(${sql.param(keys)}::text[]) or ${organizations.slug} = any(${sql.param(keys)}::text[])`
					)
			: [];
		const orgOf = new Map<string, { id: string; name: string }>();
		for (const o of orgs) {
			orgOf.set(o.name.toLowerCase(), o);
			orgOf.set(o.slug, o);
		}
		for (const row of rows)
			if (row.institution && !orgOf.has(row.institution.toLowerCase()))
				problems.push({
					row: row.row,
					column: 'institution',
					message: tr(
						`no organisation in the directory is named or has the slug "${row.institution}"`,
						`ingen organisation i kataloget hedder eller har adressen "${row.institution}"`
					)
				});
		if (problems.length) return { ok: false, problems };
		return db.transaction(async (tx) => {
			const existing = await lookup(
				tx,
				programmes.externalId,
				programmes.id,
				rows.map((r) => r.externalId)
			);
			let created = 0;
			for (const row of rows) {
				const org = orgOf.get(row.institution.toLowerCase())!;
				const values = {
					...row.values,
					organizationId: org.id,
					keywords: programmeKeywords(row.values.level, row.values.field, org.name),
					levelRank: levelRank(row.values.level)
				};
				const id = existing.get(row.externalId);
				if (id)
					await tx
						.update(programmes)
						.set({ ...values, updatedAt: new Date() })
						.where(eq(programmes.id, id));
				else {
					created++;
					await tx.insert(programmes).values({
						...values,
						slug: await uniqueSlug(
							tx,
							'programmes',
							`${row.values.title.da} ${org.name}`,
							'uddannelse'
						)
					});
				}
				await rememberWords(tx, row.values.title);
			}
			return imported(tx, options.actor, 'programmes.import', 'import', created, rows.length);
		});
	});
}

/** A figure: a number, blank (not known), or "ikke offentliggjort" (withheld). */
function figure(
	r: RowReader<typeof FIGURE_COLUMNS>,
	column: (typeof FIGURE_COLUMNS)[number][0],
	max: number,
	whole: boolean,
	suppressed: string[]
): number | null {
	const value = r.text(column).toLowerCase();
	if (!value) return null;
	if (value === 'ikke offentliggjort' || value === 'not published' || value === 'io') {
		suppressed.push(column);
		return null;
	}
	const n = Number(value.replace(',', '.'));
	if (!Number.isFinite(n) || n < 0 || n > max || (whole && !Number.isInteger(n))) {
		r.problem(
			column,
			`"${value}" is not ${whole ? 'a whole number' : 'a number'} from 0 to ${max}, blank or "ikke offentliggjort"`,
			`"${value}" er ikke ${whole ? 'et helt tal' : 'et tal'} fra 0 til ${max}, tom eller "ikke offentliggjort"`
		);
		return null;
	}
	return n;
}

/**
 * Imports admission and outcome figures (one row a programme and year) from CSV or XLSX, all or
 * nothing; a row replaces the figures of its programme and year.
 */
export async function importProgrammeFigures(
	db: Db,
	bytes: Uint8Array,
	options: { actor: string; language?: ProblemLanguage }
): Promise<ImportOutcome> {
	return inProblemLanguage(options.language ?? 'en', async () => {
		const read = await readTableColumns(bytes, FIGURE_COLUMNS, ['uddannelse', 'aar', 'kilde']);
		if (!read.ok) return read;
		const problems: ImportProblem[] = [];
		const rows = read.table.rows.map((row) => {
			const r = new RowReader<typeof FIGURE_COLUMNS>(row.cells, read.index, row.number, problems);
			const suppressed: string[] = [];
			const cutoffText = r.text('adgangskvotient').toLowerCase();
			const allAdmitted =
				cutoffText === 'alle optaget' || cutoffText === 'all admitted' || cutoffText === 'ao';
			const programme = r.required('uddannelse', 100);
			const year = r.whole('aar', 1990, 2100);
			if (year === null && !r.text('aar'))
				r.problem('aar', 'must not be empty', 'må ikke være tom');
			return {
				row: row.number,
				programme,
				values: {
					year: year ?? 0,
					applicants: figure(r, 'ansoegere', 1_000_000, true, suppressed),
					admitted: figure(r, 'optaget', 1_000_000, true, suppressed),
					cutoff: allAdmitted ? null : figure(r, 'adgangskvotient', 13, false, suppressed),
					allAdmitted,
					standby: figure(r, 'standby', 13, false, suppressed),
					unemployment: figure(r, 'ledighed', 100, false, suppressed),
					dropout: figure(r, 'frafald', 100, false, suppressed),
					suppressed,
					source: r.required('kilde', 1000),
					isDemo: r.yesNo('demo') ?? false
				}
			};
		});
		const seen = new Map<string, number>();
		for (const row of rows) {
			const key = `${row.programme}\u0000${row.values.year}`;
			const first = seen.get(key);
			if (first !== undefined)
				problems.push({
					row: row.row,
					message: tr(
						`the same programme and year as row ${first}`,
						`samme uddannelse og år som række ${first}`
					)
				});
			else seen.set(key, row.row);
		}
		const ids = [...new Set(rows.map((r) => r.programme).filter(Boolean))];
		const found = await lookup(db, programmes.externalId, programmes.id, ids);
		for (const row of rows)
			if (row.programme && !found.has(row.programme))
				problems.push({
					row: row.row,
					column: 'uddannelse',
					message: tr(
						`no programme has the id "${row.programme}"`,
						`ingen uddannelse har id'et "${row.programme}"`
					)
				});
		if (problems.length) return { ok: false, problems };
		return db.transaction(async (tx) => {
			let created = 0;
			for (const row of rows) {
				const values = { ...row.values, programmeId: found.get(row.programme)! };
				const [written] = await tx
					.insert(programmeFigures)
					.values(values)
					.onConflictDoUpdate({
						target: [programmeFigures.programmeId, programmeFigures.year],
						set: { ...row.values, updatedAt: new Date() }
					})
					.returning({ inserted: sql<boolean>`xmax = 0` });
				if (written?.inserted) created++;
			}
			return imported(
				tx,
				options.actor,
				'programmes.figures_import',
				'figures',
				created,
				rows.length
			);
		});
	});
}

/** Records an import (of `total` rows, `created` of them new) in the audit log, and says so. */
async function imported(
	tx: Db,
	actor: string,
	action: 'programmes.import' | 'programmes.figures_import',
	entityId: string,
	created: number,
	total: number
) {
	const details = { created, updated: total - created };
	await recordAudit(tx, { actor, action, entityType: 'programme', entityId, details });
	return { ok: true as const, ...details };
}

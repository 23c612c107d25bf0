import { readFile } from 'node:fs/promises';
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { organizations } from '../directory/index.ts';
import { copenhagenDate, copenhagenInstant } from '../local-date.ts';
import { importProgrammeFigures, importProgrammes, formatProblems } from './import.ts';
import { qualifies, type Requirements, type Student, type Verdict } from './prerequisites.ts';
import { programmeFigures, programmes, type Deadline } from './schema.ts';
import { programmeTaxonomy } from './taxonomy.ts';
import { comparedSlugs, withCompared } from './url-query.ts';

export type ProgrammeRow = typeof programmes.$inferSelect;
export type FigureRow = typeof programmeFigures.$inferSelect;

/** A programme with its institution and figures (oldest year first). */
export interface ProgrammeView extends ProgrammeRow {
	institution: { id: string; name: string; slug: string; website: string | null };
	figures: FigureRow[];
}

const withInstitution = {
	programme: programmes,
	institution: {
		id: organizations.id,
		name: organizations.name,
		slug: organizations.slug,
		website: organizations.website
	}
};

/** The programme with this slug, with its institution and every year's figures. */
export async function getProgramme(db: Db, slug: string): Promise<ProgrammeView | undefined> {
	const [row] = await db
		.select(withInstitution)
		.from(programmes)
		.innerJoin(organizations, eq(organizations.id, programmes.organizationId))
		.where(eq(programmes.slug, slug));
	if (!row) return undefined;
	const figures = await db
		.select()
		.from(programmeFigures)
		.where(eq(programmeFigures.programmeId, row.programme.id))
		.orderBy(asc(programmeFigures.year));
	return { ...row.programme, institution: row.institution, figures };
}

/** Programmes by slug, in the order asked (unknown slugs left out), each with its newest figures. */
export async function programmesBySlugs(db: Db, slugs: string[]): Promise<ProgrammeView[]> {
	if (slugs.length === 0) return [];
	const rows = await db
		.select(withInstitution)
		.from(programmes)
		.innerJoin(organizations, eq(organizations.id, programmes.organizationId))
		.where(inArray(programmes.slug, slugs));
	const figures = rows.length
		? await db
				.select()
				.from(programmeFigures)
				.where(
					inArray(
						programmeFigures.programmeId,
						rows.map((r) => r.programme.id)
					)
				)
				.orderBy(asc(programmeFigures.year))
		: [];
	const views = rows.map((r) => ({
		...r.programme,
		institution: r.institution,
		figures: figures.filter((f) => f.programmeId === r.programme.id)
	}));
	return slugs.flatMap((s) => views.filter((v) => v.slug === s));
}

/** An institution's programmes, by level and title. */
export async function programmesOf(db: Db, organizationId: string) {
	const rows = await db
		.select({
			slug: programmes.slug,
			title: programmes.title,
			level: programmes.level,
			isDemo: programmes.isDemo
		})
		.from(programmes)
		.where(eq(programmes.organizationId, organizationId))
		.orderBy(sql`${programmes.title}->>'da'`);
	const order = programmeTaxonomy().levels.map((l) => l.code);
	return rows.sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
}

/** What pathways read of every programme: little, so all of them fit in one answer. */
export interface PathwayProgramme {
	slug: string;
	title: ProgrammeRow['title'];
	level: string;
	institution: string;
	requirements: Requirements;
	isDemo: boolean;
}

async function pathwayProgrammes(db: Db): Promise<PathwayProgramme[]> {
	return db
		.select({
			slug: programmes.slug,
			title: programmes.title,
			level: programmes.level,
			institution: organizations.name,
			requirements: programmes.requirements,
			isDemo: programmes.isDemo
		})
		.from(programmes)
		.innerJoin(organizations, eq(organizations.id, programmes.organizationId))
		.orderBy(sql`${programmes.title}->>'da'`, asc(organizations.name));
}

export interface Pathways {
	/** Programmes the student can apply to (some with a grade average as a condition). */
	open: (PathwayProgramme & { verdict: Extract<Verdict, { status: 'yes' }> })[];
	/** Programmes the level leads to, when subjects are added (gymnasial supplering). */
	missing: (PathwayProgramme & { verdict: Extract<Verdict, { status: 'missing' }> })[];
	/** Programmes whose requirements nobody has recorded: the student must check them. */
	unknown: PathwayProgramme[];
}

/**
 * Where a student can go from where she is: every programme her level and subjects open (not
 * another of the same level), those that need more subjects, and those to check by hand.
 * Worked out from the programmes' structured requirements.
 */
export async function pathwaysFrom(db: Db, student: Student): Promise<Pathways> {
	const taxonomy = programmeTaxonomy();
	const all = await pathwayProgrammes(db);
	const result: Pathways = { open: [], missing: [], unknown: [] };
	const rank = (level: string) => taxonomy.levels.findIndex((l) => l.code === level);
	const here = rank(student.level);
	for (const p of all) {
		if (p.level === student.level) continue;
		const verdict = qualifies(student, p.requirements, taxonomy);
		if (verdict.status === 'yes') result.open.push({ ...p, verdict });
		else if (verdict.status === 'missing') result.missing.push({ ...p, verdict });
		// A programme below where the student is (10. klasse after a gymnasium) is no next step.
		else if (verdict.status === 'unknown' && rank(p.level) > here) result.unknown.push(p);
	}
	const byLevel = (a: PathwayProgramme, b: PathwayProgramme) => rank(a.level) - rank(b.level);
	result.open.sort(byLevel);
	result.missing.sort(byLevel);
	result.unknown.sort(byLevel);
	return result;
}

/**
 * The next time each deadline falls (in Danish time) after `now`: 5 July at noon is
 * 5 July 12:00 in Copenhagen this year, or next year once it has passed.
 */
export function nextDeadlines(deadlines: Deadline[], now = new Date()) {
	const year = Number(copenhagenDate(now).slice(0, 4));
	return deadlines
		.map((d) => {
			const at = (y: number) =>
				copenhagenInstant(
					`${y}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`,
					d.time
				);
			const thisYear = at(year);
			return { ...d, at: thisYear > now ? thisYear : at(year + 1) };
		})
		.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The date of the newest change to any programme or its figures (for feeds and caches). */
export async function lastProgrammeChange(db: Db): Promise<Date | null> {
	const [row] = await db
		.select({ at: programmes.updatedAt })
		.from(programmes)
		.orderBy(desc(programmes.updatedAt))
		.limit(1);
	return row?.at ?? null;
}

/**
 * Loads a programmes file and a figures file (the import templates) at first start: the real
 * programmes of the municipality's institutions and the labelled demo ones.
 */
export async function loadProgrammeFiles(
	db: Db,
	files: { programmes: string[]; figures: string[] },
	actor = 'system:first-start'
): Promise<number> {
	let count = 0;
	for (const path of files.programmes) {
		const outcome = await importProgrammes(db, new Uint8Array(await readFile(path)), { actor });
		if (!outcome.ok)
			throw new Error(`${path} is invalid:\n${formatProblems(outcome.problems, 'en')}`);
		count += outcome.created + outcome.updated;
	}
	for (const path of files.figures) {
		const outcome = await importProgrammeFigures(db, new Uint8Array(await readFile(path)), {
			actor
		});
		if (!outcome.ok)
			throw new Error(`${path} is invalid:\n${formatProblems(outcome.problems, 'en')}`);
	}
	return count;
}

/**
 * The comparison a list page carries in its address (`ids`): the programmes chosen (with their
 * titles in the reader's language), and for any programme on the page the link that adds it to
 * the comparison or takes it away, the page's other parameters kept.
 */
export async function comparisonOf(db: Db, url: URL, locale: 'da' | 'en') {
	const { slugs } = comparedSlugs(url);
	const compared = (await programmesBySlugs(db, slugs)).map((p) => ({
		slug: p.slug,
		title: locale === 'en' ? (p.title.en ?? p.title.da) : p.title.da
	}));
	return {
		ids: slugs.join(','),
		compared,
		choose: (slug: string) => ({
			compareHref: withCompared(url, slugs, slug),
			compared: slugs.includes(slug)
		})
	};
}

import { z } from 'zod';
import { programmeTaxonomy, type ProgrammeTaxonomy } from './taxonomy.ts';

/** A subject's level: A is the highest, C the lowest. */
export const SUBJECT_LEVELS = ['A', 'B', 'C'] as const;
export type SubjectLevel = (typeof SUBJECT_LEVELS)[number];

export const subjectNeed = z.object({
	subject: z.string().min(1),
	level: z.enum(SUBJECT_LEVELS)
});
export type SubjectNeed = z.infer<typeof subjectNeed>;

/**
 * One way in: a finished level (a level's code, or a group such as `gymnasial` or `eud`), every
 * subject need met (each by any of its alternatives: "Matematik C eller Erhvervsøkonomi C"), and,
 * where asked, a grade average.
 */
export const admissionRoute = z.object({
	from: z.array(z.string().min(1)).min(1),
	subjects: z.array(z.array(subjectNeed).min(1)).default([]),
	minGrade: z.number().min(-3).max(12).optional()
});
export type AdmissionRoute = z.infer<typeof admissionRoute>;

/** A programme's structured requirements; `known: false` when nobody has recorded them. */
export const requirements = z.object({
	known: z.boolean(),
	routes: z.array(admissionRoute).default([])
});
export type Requirements = z.infer<typeof requirements>;

/** Where a student is: the level finished (or being finished), subjects with levels, a grade. */
export interface Student {
	level: string;
	subjects?: Record<string, SubjectLevel>;
	grade?: number;
}

export type Verdict =
	| { status: 'yes'; route: number; gradeNeeded?: number }
	| { status: 'missing'; route: number; missing: SubjectNeed[][]; gradeNeeded?: number }
	| { status: 'no' }
	| { status: 'unknown' };

const rank = (level: SubjectLevel) => SUBJECT_LEVELS.length - SUBJECT_LEVELS.indexOf(level);

/** A subject at `has` meets a need for `needs`: A meets B and C, B meets C. */
export const meets = (has: SubjectLevel | undefined, needs: SubjectLevel) =>
	has !== undefined && rank(has) >= rank(needs);

/** Whether a route lets in a student of this level (by its code or its group). */
export function routeAccepts(
	route: AdmissionRoute,
	level: string,
	taxonomy: ProgrammeTaxonomy = programmeTaxonomy()
): boolean {
	const group = taxonomy.levels.find((l) => l.code === level)?.group;
	return route.from.includes(level) || (group !== undefined && route.from.includes(group));
}

/**
 * Can this student apply? `yes` through the first route that fits; `missing` when a route
 * accepts the student's level but subjects are lacking (the fewest lacking, with what they are);
 * `no` when no route accepts the level; `unknown` when the requirements are not recorded.
 * A grade asked for is met when the student gives none (it is shown as a condition).
 */
export function qualifies(
	student: Student,
	req: Requirements,
	taxonomy: ProgrammeTaxonomy = programmeTaxonomy()
): Verdict {
	if (!req.known) return { status: 'unknown' };
	let best: Extract<Verdict, { status: 'missing' }> | undefined;
	for (const [index, route] of req.routes.entries()) {
		if (!routeAccepts(route, student.level, taxonomy)) continue;
		if (
			route.minGrade !== undefined &&
			student.grade !== undefined &&
			student.grade < route.minGrade
		)
			continue;
		const missing = route.subjects.filter(
			(alternatives) => !alternatives.some((n) => meets(student.subjects?.[n.subject], n.level))
		);
		const gradeNeeded = student.grade === undefined ? route.minGrade : undefined;
		if (missing.length === 0)
			return { status: 'yes', route: index, ...(gradeNeeded === undefined ? {} : { gradeNeeded }) };
		if (!best || missing.length < best.missing.length)
			best = {
				status: 'missing',
				route: index,
				missing,
				...(gradeNeeded === undefined ? {} : { gradeNeeded })
			};
	}
	return best ?? { status: 'no' };
}

/** "Matematik B", "Matematik C eller Erhvervsøkonomi C" in the reader's language. */
export function needText(
	alternatives: SubjectNeed[],
	locale: 'da' | 'en',
	taxonomy: ProgrammeTaxonomy = programmeTaxonomy()
): string {
	return alternatives
		.map((n) => {
			const s = taxonomy.subjects.find((x) => x.code === n.subject);
			return `${s ? (locale === 'en' ? s.en : s.da) : n.subject} ${n.level}`;
		})
		.join(locale === 'en' ? ' or ' : ' eller ');
}

/** A route's levels ("STX, HHX eller EUD") in the reader's language. */
export function fromText(
	route: AdmissionRoute,
	locale: 'da' | 'en',
	taxonomy: ProgrammeTaxonomy = programmeTaxonomy()
): string {
	const names = route.from.map((code) => {
		const term =
			taxonomy.levels.find((l) => l.code === code) ?? taxonomy.groups.find((g) => g.code === code);
		return term ? (locale === 'en' ? term.en : term.da) : code;
	});
	return names.join(locale === 'en' ? ', or ' : ', eller ');
}

/**
 * Reads the import's short form of requirements. Routes are separated by `|`; a route is the
 * levels it accepts, then after `:` its needs separated by `;`: a subject with its level, with
 * alternatives separated by `/`, or `snit 7,0` for a grade average.
 * `stx,hhx,htx,eux,ib: Matematik A; Engelsk B | eud: Engelsk C; Matematik C/Erhvervsøkonomi C`.
 * An empty text means the requirements are not recorded.
 */
export function parseRequirements(
	text: string,
	taxonomy: ProgrammeTaxonomy = programmeTaxonomy()
): { ok: true; value: Requirements } | { ok: false; problems: { en: string; da: string }[] } {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: true, value: { known: false, routes: [] } };
	const problems: { en: string; da: string }[] = [];
	const levelCodes = new Set([
		...taxonomy.levels.map((l) => l.code),
		...taxonomy.groups.map((g) => g.code)
	]);
	const subjectByName = new Map<string, string>();
	for (const s of taxonomy.subjects)
		for (const name of [s.code, s.da, s.en]) subjectByName.set(name.toLowerCase(), s.code);
	const routes: AdmissionRoute[] = [];
	for (const part of trimmed.split('|')) {
		const [fromText, needsText = ''] = part.split(':', 2) as [string, string?];
		const from = fromText
			.split(',')
			.map((s) => s.trim().toLowerCase())
			.filter(Boolean);
		for (const code of from)
			if (!levelCodes.has(code))
				problems.push({
					en: `"${code}" is not a level or group of levels (taxonomy/programmes.yaml)`,
					da: `"${code}" er ikke et niveau eller en gruppe af niveauer (taxonomy/programmes.yaml)`
				});
		if (from.length === 0)
			problems.push({
				en: `a route names no level before ":"`,
				da: `en adgangsvej nævner intet niveau før ":"`
			});
		const route: AdmissionRoute = { from, subjects: [] };
		for (const need of needsText
			.split(';')
			.map((s) => s.trim())
			.filter(Boolean)) {
			const grade = /^snit\s+(-?\d+(?:[.,]\d+)?)$/i.exec(need);
			if (grade) {
				route.minGrade = Number(grade[1]!.replace(',', '.'));
				continue;
			}
			const alternatives: SubjectNeed[] = [];
			for (const alt of need.split('/').map((s) => s.trim())) {
				const match = /^(.+?)\s+([ABC])$/i.exec(alt);
				const subject = match ? subjectByName.get(match[1]!.toLowerCase()) : undefined;
				if (!match || !subject) {
					problems.push({
						en: `"${alt}" is not a subject with a level, such as "Matematik B"`,
						da: `"${alt}" er ikke et fag med et niveau, fx "Matematik B"`
					});
					continue;
				}
				alternatives.push({ subject, level: match[2]!.toUpperCase() as SubjectLevel });
			}
			if (alternatives.length) route.subjects.push(alternatives);
		}
		routes.push(route);
	}
	return problems.length ? { ok: false, problems } : { ok: true, value: { known: true, routes } };
}

/** The short form again (for the export and the moderation view). */
export function requirementsText(req: Requirements, taxonomy = programmeTaxonomy()): string {
	if (!req.known) return '';
	return req.routes
		.map((r) => {
			const needs = [
				...r.subjects.map((alts) =>
					alts
						.map(
							(n) =>
								`${taxonomy.subjects.find((s) => s.code === n.subject)?.da ?? n.subject} ${n.level}`
						)
						.join('/')
				),
				...(r.minGrade === undefined ? [] : [`snit ${r.minGrade.toFixed(1).replace('.', ',')}`])
			];
			return `${r.from.join(',')}${needs.length ? `: ${needs.join('; ')}` : ''}`;
		})
		.join(' | ');
}

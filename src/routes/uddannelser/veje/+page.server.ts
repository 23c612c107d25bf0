import { cachedView, contentVersion } from '$lib/server/app.ts';
import {
	comparisonOf,
	getProgramme,
	needText,
	pathwaysFrom,
	programmeTaxonomy,
	SUBJECT_LEVELS,
	termName,
	type PathwayProgramme,
	type SubjectLevel
} from '$lib/server/programmes/index.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import type { PageServerLoad } from './$types';

/**
 * "Where are you now?": a level (`niveau`), subjects with levels (`fag_<code>=A|B|C`) and a grade
 * average (`snit`), all in the URL so the form works without JavaScript and a result can be
 * shared; or `fra=<slug>`: the pathways after a programme.
 */
export const load: PageServerLoad = async ({ url, locals }) => {
	const locale = locals.locale;
	const taxonomy = programmeTaxonomy();
	const from = url.searchParams.get('fra');
	const programme =
		from && /^[a-z0-9-]{1,160}$/.test(from) ? await getProgramme(locals.db, from) : undefined;
	const asked = programme?.level ?? url.searchParams.get('niveau') ?? '';
	const level = taxonomy.levels.find((l) => l.code === asked)?.code;
	const subjects: Record<string, SubjectLevel> = {};
	for (const s of taxonomy.subjects) {
		const value = url.searchParams.get(`fag_${s.code}`);
		if (value && (SUBJECT_LEVELS as readonly string[]).includes(value))
			subjects[s.code] = value as SubjectLevel;
	}
	const gradeText = url.searchParams.get('snit')?.trim().replace(',', '.') ?? '';
	const grade = gradeText === '' ? undefined : Number(gradeText);
	// A grade that is not a grade on the 7-point scale is said, not ignored.
	const badGrade: string | null =
		grade !== undefined && (!Number.isFinite(grade) || grade < -3 || grade > 12)
			? (url.searchParams.get('snit') ?? '').slice(0, 20)
			: null;
	// Programmes chosen for comparison (`ids`), kept as the reader moves on.
	const { ids, compared, choose } = await comparisonOf(locals.db, url, locale);
	const form = {
		levels: taxonomy.levels
			.filter((l) => !['kandidat', 'amu', 'akademi', 'diplom', 'master', 'stu'].includes(l.code))
			.map((l) => ({ code: l.code, label: termName(l, locale) })),
		subjects: taxonomy.subjects.map((s) => ({
			code: s.code,
			label: termName(s, locale),
			value: subjects[s.code] ?? ''
		})),
		level: level ?? '',
		grade: url.searchParams.get('snit') ?? '',
		ids
	};
	if (!level || badGrade !== null)
		return {
			form,
			asked: asked !== '' || badGrade !== null,
			badGrade,
			result: null,
			programme: null,
			compared
		};
	const version = await contentVersion();
	const result = await cachedView(
		`pathways:${locale}:${level}:${JSON.stringify(subjects)}:${grade ?? ''}:${version}`,
		async () => {
			const p = await pathwaysFrom(locals.db, { level, subjects, grade });
			const link = (x: PathwayProgramme) => ({
				slug: x.slug,
				href: localizedPath(`/uddannelser/${x.slug}`, locale),
				title: locale === 'en' ? (x.title.en ?? x.title.da) : x.title.da,
				untranslated: locale === 'en' && !x.title.en,
				institution: x.institution,
				isDemo: x.isDemo,
				level: termName(
					taxonomy.levels.find((l) => l.code === x.level),
					locale
				)
			});
			return {
				open: p.open.map((x) => ({ ...link(x), gradeNeeded: x.verdict.gradeNeeded ?? null })),
				missing: p.missing.map((x) => ({
					...link(x),
					needs: x.verdict.missing.map((alts) => needText(alts, locale, taxonomy))
				})),
				unknown: p.unknown.map(link)
			};
		}
	);
	// Each result can be added to the comparison or taken from it, on this same page.
	const choosable = <T extends { slug: string }>(x: T) => ({ ...x, ...choose(x.slug) });
	return {
		form,
		asked: true,
		badGrade: null as string | null,
		result: {
			open: result.open.map(choosable),
			missing: result.missing.map(choosable),
			unknown: result.unknown.map(choosable)
		},
		compared,
		programme: programme
			? { title: locale === 'en' ? (programme.title.en ?? programme.title.da) : programme.title.da }
			: null
	};
};

import { pageLinks } from '../search/index.ts';
import type { ProgrammeQuery, ProgrammeResults } from './search.ts';
import { DURATIONS } from './search.ts';
import { programmeTaxonomy, termName } from './taxonomy.ts';

export interface Option {
	code: string;
	label: string;
	count: number;
	checked: boolean;
}

/**
 * What the programme list shows, made from a search's results (no I/O): each filter's values
 * with counts and labels in the reader's language, the hits with their level's and field's
 * names, and the page links.
 */
export function programmeListPage(input: {
	results: ProgrammeResults;
	query: ProgrammeQuery;
	search: string;
	locale: 'da' | 'en';
	pageSize: number;
	durationLabels: Record<(typeof DURATIONS)[number], string>;
	languageLabels: Record<'da' | 'en', string>;
}) {
	const { results, query, locale } = input;
	const taxonomy = programmeTaxonomy();
	const option = (code: string, label: string, count: number | undefined, chosen: string[]) => ({
		code,
		label,
		count: count ?? 0,
		checked: chosen.includes(code)
	});
	// A value shows when something has it or it is chosen (so it can be unticked).
	const shown = (o: Option) => o.count > 0 || o.checked;
	return {
		...pageLinks(input.search, results.total, input.pageSize),
		total: results.total,
		anyDemo: results.items.some((i) => i.isDemo),
		levels: taxonomy.levels
			.filter((l) => !l.position)
			.map((l) => option(l.code, termName(l, locale), results.levels[l.code], query.level))
			.filter(shown),
		fields: taxonomy.fields
			.map((f) => option(f.code, termName(f, locale), results.fields[f.code], query.field))
			.filter(shown),
		institutions: results.institutions.map((i) =>
			option(i.slug, i.name, i.count, query.institution)
		),
		languages: (['da', 'en'] as const)
			.map((l) => option(l, input.languageLabels[l], results.languages[l], query.lang))
			.filter(shown),
		durations: DURATIONS.map((d) =>
			option(d, input.durationLabels[d], results.durations[d], query.duration)
		).filter(shown),
		suCount: results.su,
		items: results.items.map((i) => ({
			...i,
			levelName: termName(
				taxonomy.levels.find((l) => l.code === i.level),
				locale,
				i.level
			),
			fieldName: i.field
				? termName(
						taxonomy.fields.find((f) => f.code === i.field),
						locale
					)
				: null
		}))
	};
}

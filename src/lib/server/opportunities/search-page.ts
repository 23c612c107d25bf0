import { nearLabel, termOptions } from '../directory/index.ts';
import { pageLinks } from '../search/index.ts';
import { OPPORTUNITY_TYPES } from './schema.ts';
import { OPPORTUNITY_PAGE_SIZE, type OpportunityQuery, type OpportunityResults } from './search.ts';

/** What the job board's search page shows, made from a search's results (no I/O). */
export function postingSearchPage(input: {
	results: OpportunityResults;
	query: OpportunityQuery;
	/** The query string as asked, for the page links and the feed. */
	search: string;
	locale: 'da' | 'en';
	terms: Parameters<typeof termOptions>[0];
	/** A posting's page. */
	postingPath: (slug: string) => string;
}) {
	const { results, query, locale, terms } = input;
	return {
		...pageLinks(input.search, results.total, OPPORTUNITY_PAGE_SIZE),
		total: results.total,
		items: results.items.map((i) => ({ ...i, href: input.postingPath(i.slug) })),
		anyDemo: results.items.some((i) => i.isDemo),
		nearLabel: nearLabel(results.near),
		nearProblem: results.nearProblem,
		types: OPPORTUNITY_TYPES.map((code) => ({
			code,
			count: results.types[code] ?? 0,
			checked: query.type.includes(code)
		})),
		fields: termOptions(terms, 'field', locale, query.field, results.fields),
		levels: termOptions(terms, 'level', locale, query.level, results.levels)
	};
}

import { pageLinks } from '../search/index.ts';
import { PAGE_SIZE, type OfferQuery, type OfferResults } from './search.ts';
import { termOptions, type TermOption } from './taxonomy.ts';

/** What distances were measured from, as the page names it: "9400 Nørresundby", an address. */
export function nearLabel(near: { postalCode: string | null; name: string } | null) {
	return near && (near.postalCode ? `${near.postalCode} ${near.name}` : near.name);
}

/** What the offer search page shows, made from a search's results (no database, no I/O). */
export function offerSearchPage(input: {
	results: OfferResults;
	query: OfferQuery;
	/** The query string as asked, for the page links. */
	search: string;
	locale: 'da' | 'en';
	terms: Parameters<typeof termOptions>[0];
	areas: { postalCode: string; name: string }[];
	/** The offer's page, for the map's links. */
	offerPath: (slug: string) => string;
}) {
	const { results, query, locale, terms } = input;
	const options = (vocabulary: 'category' | 'audience', chosen: string[]): TermOption[] =>
		termOptions(terms, vocabulary, locale, chosen, results.facets[vocabulary]);
	return {
		...pageLinks(input.search, results.total, PAGE_SIZE),
		total: results.total,
		items: results.items.map((i) => ({ ...i, href: input.offerPath(i.slug) })),
		anyDemo: results.items.some((i) => i.isDemo),
		nearLabel: nearLabel(results.near),
		nearProblem: results.nearProblem,
		categories: options('category', query.category),
		audiences: options('audience', query.audience),
		languages: Object.entries(results.facets.language)
			.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
			.map(([code, count]) => ({ code, count, checked: query.lang.includes(code) })),
		// Areas with offers among the results, and any chosen (so it can be unchosen).
		areas: input.areas
			.filter(
				(a) => (results.facets.area[a.postalCode] ?? 0) > 0 || query.area.includes(a.postalCode)
			)
			.map((a) => ({
				code: a.postalCode,
				label: `${a.postalCode} ${a.name}`,
				checked: query.area.includes(a.postalCode),
				count: results.facets.area[a.postalCode] ?? 0
			})),
		categoryNames: Object.fromEntries(
			termOptions(terms, 'category', locale).map((t) => [t.code, t.label])
		),
		markers: results.items
			.filter((i) => i.place?.latitude != null && i.place?.longitude != null)
			.map((i) => ({
				title: i.title,
				href: input.offerPath(i.slug),
				place: `${i.place!.name}, ${i.place!.postalCode} ${i.place!.city}`,
				lat: i.place!.latitude!,
				lon: i.place!.longitude!
			}))
	};
}

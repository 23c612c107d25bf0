import { searchQueryFromUrl, type UrlQuery } from '../search/index.ts';
import { offerQuery, type OfferQuery } from './search.ts';

/**
 * The directory's search parameters from a URL (the page and the API use the same names):
 * `q`, repeated `category`, `audience`, `lang` and `area`, `free=1`, `age`, `near` (a postcode,
 * or an address when addresses are looked up), `open=1`, `sort`, `page`.
 */
export function offerQueryFromUrl(url: URL, options: { addresses: boolean }): UrlQuery<OfferQuery> {
	return searchQueryFromUrl(
		offerQuery,
		url,
		(p) => ({
			category: p.list('category'),
			audience: p.list('audience'),
			lang: p.list('lang'),
			free: p.flag('free'),
			age: p.number('age'),
			area: p.list('area'),
			open: p.flag('open')
		}),
		options
	);
}

import { searchQueryFromUrl, type UrlQuery } from '../search/index.ts';
import { opportunityQuery, type OpportunityQuery } from './search.ts';

/**
 * The job board's search parameters from a URL (the page and the API use the same names):
 * `q`, repeated `type`, `field`, `level` and `area`, `english=1`, `hours` (at most), `deadline`
 * (on or after), `near` (a postcode, or an address when addresses are looked up) with `km` (at
 * most that far), `sort` (relevance, newest, deadline, distance), `page`.
 */
export function opportunityQueryFromUrl(
	url: URL,
	options: { addresses: boolean }
): UrlQuery<OpportunityQuery> {
	return searchQueryFromUrl(
		opportunityQuery,
		url,
		(p) => ({
			type: p.list('type'),
			field: p.list('field'),
			level: p.list('level'),
			area: p.list('area'),
			km: p.number('km'),
			// Only `english=1`, as the page's checkbox sends it.
			englishFriendly: p.text('english') === '1',
			maxHours: p.number('hours'),
			deadlineFrom: p.text('deadline')
		}),
		options,
		{ englishFriendly: 'english', maxHours: 'hours', deadlineFrom: 'deadline' }
	);
}

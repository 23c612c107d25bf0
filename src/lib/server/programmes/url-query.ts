import { searchQueryFromUrl, type UrlQuery } from '../search/index.ts';
import { programmeQuery, type ProgrammeQuery } from './search.ts';

/**
 * The programme list's parameters from a URL (the page and the API read the same names): `q`,
 * repeated `level`, `field`, `institution`, `lang` and `duration`, `su=1`, `page`.
 */
export function programmeQueryFromUrl(url: URL): UrlQuery<ProgrammeQuery> {
	return searchQueryFromUrl(
		programmeQuery,
		url,
		(p) => ({
			level: p.list('level'),
			field: p.list('field'),
			institution: p.list('institution'),
			lang: p.list('lang'),
			duration: p.list('duration'),
			su: p.flag('su')
		}),
		{ addresses: false }
	);
}

/** The programmes chosen for comparison (`ids=a,b,c`, slugs), at most `max`, without repeats. */
export function comparedSlugs(url: URL, max = 4): { slugs: string[]; dropped: boolean } {
	const all = [
		...new Set(
			(url.searchParams.get('ids') ?? '')
				.split(',')
				.map((s) => s.trim())
				.filter((s) => /^[a-z0-9-]{1,160}$/.test(s))
		)
	];
	return { slugs: all.slice(0, max), dropped: all.length > max };
}

/**
 * The same page with a programme added to the comparison or taken from it (at most four; the
 * oldest gives way), its other parameters kept: every list of programmes links this way.
 */
export function withCompared(url: URL, slugs: readonly string[], slug: string): string {
	const next = slugs.includes(slug) ? slugs.filter((s) => s !== slug) : [...slugs, slug].slice(-4);
	const params = new URLSearchParams(url.search);
	if (next.length) params.set('ids', next.join(','));
	else params.delete('ids');
	const query = params.toString();
	return `${url.pathname}${query ? `?${query}` : ''}`;
}

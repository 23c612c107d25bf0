import { offerQuery, type OfferQuery } from '../directory/index.ts';
import { nearIsAddress } from '../search/index.ts';

/**
 * The directory's search parameters from a URL (the page and the API use the same names):
 * `q`, repeated `category`, `audience`, `lang` and `area`, `free=1`, `age`, `near` (a postcode,
 * or an address when addresses are looked up), `open=1`, `sort`, `page`.
 */
export function offerQueryFromUrl(
	url: URL,
	/** Whether `near` may be an address (an address lookup is configured); else a postcode. */
	options: { addresses: boolean }
):
	| { ok: true; query: OfferQuery }
	| { ok: false; problems: { parameter: string; message: string }[] } {
	const p = url.searchParams;
	const number = (name: string) => {
		const v = p.get(name);
		return v === null || v.trim() === '' ? undefined : Number(v);
	};
	const parsed = offerQuery.safeParse({
		q: p.get('q') ?? '',
		category: p.getAll('category'),
		audience: p.getAll('audience'),
		lang: p.getAll('lang'),
		free: p.get('free') === '1' || p.get('free') === 'true',
		age: number('age'),
		area: p.getAll('area'),
		near: p.get('near')?.trim() || undefined,
		open: p.get('open') === '1' || p.get('open') === 'true',
		sort: p.get('sort') || undefined,
		page: number('page') ?? 1
	});
	if (parsed.success) {
		if (!options.addresses && nearIsAddress(parsed.data.near))
			return {
				ok: false,
				problems: [{ parameter: 'near', message: 'a postcode has four digits' }]
			};
		return { ok: true, query: parsed.data };
	}
	return {
		ok: false,
		problems: parsed.error.issues.map((i) => ({ parameter: String(i.path[0]), message: i.message }))
	};
}

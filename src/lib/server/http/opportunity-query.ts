import { nearIsAddress } from '../search/index.ts';
import { opportunityQuery, type OpportunityQuery } from '../opportunities/index.ts';

/**
 * The job board's search parameters from a URL (the page and the API use the same names):
 * `q`, repeated `type`, `field`, `level` and `area`, `english=1`, `hours` (at most), `deadline`
 * (on or after), `near` (a postcode, or an address when addresses are looked up) with `km` (at
 * most that far), `sort` (relevance, newest,
 * deadline, distance), `page`.
 */
export function opportunityQueryFromUrl(
	url: URL,
	/** Whether `near` may be an address (an address lookup is configured); else a postcode. */
	options: { addresses: boolean }
):
	| { ok: true; query: OpportunityQuery }
	| { ok: false; problems: { parameter: string; message: string }[] } {
	const p = url.searchParams;
	const number = (name: string) => {
		const v = p.get(name);
		return v === null || v.trim() === '' ? undefined : Number(v);
	};
	const parsed = opportunityQuery.safeParse({
		q: p.get('q') ?? '',
		type: p.getAll('type'),
		field: p.getAll('field'),
		level: p.getAll('level'),
		area: p.getAll('area'),
		near: p.get('near')?.trim() || undefined,
		km: number('km'),
		englishFriendly: p.get('english') === '1',
		maxHours: number('hours'),
		deadlineFrom: p.get('deadline')?.trim() || undefined,
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
	const names: Record<string, string> = {
		englishFriendly: 'english',
		maxHours: 'hours',
		deadlineFrom: 'deadline'
	};
	return {
		ok: false,
		problems: parsed.error.issues.map((i) => ({
			parameter: names[String(i.path[0])] ?? String(i.path[0]),
			message: i.message
		}))
	};
}

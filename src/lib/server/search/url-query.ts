import { z } from 'zod';
import { nearIsAddress } from './near.ts';

/** A filter on codes (a taxonomy's, or organisations' slugs): up to `max` of them, none by default. */
export function codeFilter(max: number) {
	return z
		.array(z.string().regex(/^[a-z0-9-]{1,80}$/, 'not a known code'))
		.max(max)
		.default([]);
}

/** A search's parameters as read from a URL, or what was wrong with them (by parameter name). */
export type UrlQuery<T> =
	{ ok: true; query: T } | { ok: false; problems: { parameter: string; message: string }[] };

/** Reads a URL's parameters the way every search does. */
export interface UrlParameters {
	text(name: string): string | undefined;
	list(name: string): string[];
	number(name: string): number | undefined;
	/** `name=1` (or `true`). */
	flag(name: string): boolean;
}

/**
 * A search's parameters from a URL, checked by the kind's schema: the page and the API read the
 * same names. `near` may be an address only where addresses are looked up; `names` gives the
 * URL's name of a field the schema calls otherwise, so a problem names what the reader wrote.
 */
export function searchQueryFromUrl<T extends { near?: string }>(
	schema: z.ZodType<T>,
	url: URL,
	read: (p: UrlParameters) => Record<string, unknown>,
	options: { addresses: boolean },
	names: Record<string, string> = {}
): UrlQuery<T> {
	const p = url.searchParams;
	const text = (name: string) => p.get(name)?.trim() || undefined;
	const parsed = schema.safeParse({
		...read({
			text,
			list: (name) => p.getAll(name),
			number: (name) => (text(name) === undefined ? undefined : Number(p.get(name))),
			flag: (name) => p.get(name) === '1' || p.get(name) === 'true'
		}),
		q: p.get('q') ?? '',
		near: text('near'),
		sort: p.get('sort') || undefined,
		page: text('page') === undefined ? 1 : Number(p.get('page'))
	});
	if (!parsed.success)
		return {
			ok: false,
			problems: parsed.error.issues.map((i) => ({
				parameter: names[String(i.path[0])] ?? String(i.path[0]),
				message: i.message
			}))
		};
	if (!options.addresses && nearIsAddress(parsed.data.near))
		return { ok: false, problems: [{ parameter: 'near', message: 'a postcode has four digits' }] };
	return { ok: true, query: parsed.data };
}

import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { Db } from '../db/index.ts';
import { countHsds, hsdsOrganizations, hsdsServices } from '../directory/index.ts';
import { apiError } from './respond.ts';

// The read side of the HSDS 3.0 API: paged lists in HSDS's page envelope, and single records.

const paging = z.object({
	page: z.coerce.number().int().min(1, 'page starts at 1').default(1),
	per_page: z.coerce.number().int().min(1).max(200, 'per_page can be at most 200').default(50)
});

const CACHE = { 'cache-control': 'public, max-age=60' };

/** `GET /api/hsds/services` or `/organizations`: `{ total_items, total_pages, page_number, … }`. */
export async function hsdsPage(db: Db, url: URL, what: 'services' | 'organizations') {
	const parsed = paging.safeParse({
		page: url.searchParams.get('page') ?? undefined,
		per_page: url.searchParams.get('per_page') ?? undefined
	});
	if (!parsed.success)
		return apiError(400, 'Invalid query parameters', {
			details: parsed.error.issues.map((i) => ({
				parameter: String(i.path[0]),
				message: i.message
			}))
		});
	const { page, per_page } = parsed.data;
	const total = await countHsds(db, what);
	const window = { offset: (page - 1) * per_page, limit: per_page };
	const contents =
		what === 'services' ? await hsdsServices(db, window) : await hsdsOrganizations(db, window);
	const totalPages = Math.max(1, Math.ceil(total / per_page));
	return json(
		{
			total_items: total,
			total_pages: totalPages,
			page_number: page,
			size: contents.length,
			first_page: page === 1,
			last_page: page >= totalPages,
			empty: contents.length === 0,
			contents
		},
		{ headers: CACHE }
	);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function hsdsOne(db: Db, id: string, what: 'services' | 'organizations') {
	const noun = what === 'services' ? 'service' : 'organization';
	if (!UUID.test(id)) return apiError(404, `No ${noun} with id ${id.slice(0, 80)}`);
	const [record] =
		what === 'services'
			? await hsdsServices(db, { ids: [id.toLowerCase()] })
			: await hsdsOrganizations(db, { ids: [id.toLowerCase()] });
	if (!record) return apiError(404, `No ${noun} with id ${id}`);
	return json(record, { headers: CACHE });
}

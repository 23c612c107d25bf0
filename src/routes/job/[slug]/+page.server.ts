import { error } from '@sveltejs/kit';
import { cachedView } from '$lib/server/app.ts';
import { getOpportunity } from '$lib/server/opportunities/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	if (!/^[a-z0-9-]{1,120}$/.test(params.slug)) error(404, 'Not found');
	const hour = Math.floor(Date.now() / 3_600_000);
	const job = await cachedView(`job:${params.slug}:${hour}`, () =>
		getOpportunity(locals.db, params.slug)
	);
	if (!job) error(404, 'Not found');
	return { job, pageUrl: url.href };
};

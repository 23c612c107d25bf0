import { error } from '@sveltejs/kit';
import { cachedView } from '$lib/server/app.ts';
import { initiativePage } from '$lib/server/followup/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	if (!/^[a-z0-9-]{1,120}$/.test(params.slug)) error(404, 'Not found');
	const page = await cachedView(`initiative:${locals.locale}:${params.slug}`, () =>
		initiativePage(locals.db, locals.locale, params.slug)
	);
	if (!page) error(404, 'Not found');
	return { page };
};

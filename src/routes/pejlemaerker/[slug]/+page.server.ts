import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params }) => {
	const { strategy } = await parent();
	const guidepost = strategy?.guideposts.find((g) => g.slug === params.slug);
	if (!strategy || !guidepost) error(404, 'Not found');
	return {
		guidepost,
		others: strategy.guideposts.filter((g) => g.slug !== guidepost.slug).map((g) => ({ slug: g.slug, number: g.number, title: g.title }))
	};
};

import type { GuidepostView } from '$lib/server/strategy/index.ts';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params }) => {
	const { strategy } = await parent();
	const guidepost = strategy?.guideposts.find((g: GuidepostView) => g.slug === params.slug);
	if (!strategy || !guidepost) error(404, 'Not found');
	return {
		guidepost,
		others: strategy.guideposts
			.filter((g: GuidepostView) => g.slug !== guidepost.slug)
			.map((g: GuidepostView) => ({ slug: g.slug, number: g.number, title: g.title }))
	};
};

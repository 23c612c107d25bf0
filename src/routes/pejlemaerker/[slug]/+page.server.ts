import { activeStrategy } from '$lib/server/app.ts';
import type { GuidepostView } from '$lib/server/strategy/index.ts';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const strategy = await activeStrategy(locals.locale);
	const guidepost = strategy?.guideposts.find((g: GuidepostView) => g.slug === params.slug);
	if (!strategy || !guidepost) error(404, 'Not found');
	return {
		guidepost,
		others: strategy.guideposts
			.filter((g: GuidepostView) => g.slug !== guidepost.slug)
			.map((g: GuidepostView) => ({ slug: g.slug, number: g.number, title: g.title }))
	};
};

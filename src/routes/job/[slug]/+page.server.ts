import { error } from '@sveltejs/kit';
import { cachedView } from '$lib/server/app.ts';
import { getOpportunity, jobPostingLd } from '$lib/server/opportunities/index.ts';
import { plainText, renderRichText } from '$lib/server/rich-text/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	if (!/^[a-z0-9-]{1,120}$/.test(params.slug)) error(404, 'Not found');
	const hour = Math.floor(Date.now() / 3_600_000);
	const job = await cachedView(`job:${params.slug}:${hour}`, () =>
		getOpportunity(locals.db, params.slug)
	);
	if (!job) error(404, 'Not found');
	const locale = locals.locale;
	const text = locale === 'en' ? (job.description.en ?? job.description.da) : job.description.da;
	// The full text, written in the rich-text subset and sanitised by its allow-list.
	const descriptionHtml = renderRichText(text);
	return {
		job,
		descriptionHtml,
		summary: plainText(text).slice(0, 160),
		jsonLd: job.open
			? jobPostingLd(job, { origin: url.origin, locale, descriptionHtml })
			: undefined
	};
};

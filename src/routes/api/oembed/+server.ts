import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { localeOf } from '$lib/i18n/routes.ts';
import { appConfig } from '$lib/server/app.ts';
import { embedChoice, embedCode } from '$lib/server/http/embed-builder.ts';
import { apiError } from '$lib/server/http/respond.ts';
import type { RequestHandler } from './$types';

/**
 * oEmbed (https://oembed.com): a CMS given the address of one of our lists (events, jobs,
 * offers, programmes, with their filters) gets a `rich` answer whose HTML frames the list's embed.
 */
export const GET: RequestHandler = ({ url }) => {
	const asked = url.searchParams.get('url');
	if (!asked) return apiError(400, 'url is required');
	const format = url.searchParams.get('format');
	if (format && format !== 'json') return apiError(501, 'Only the json format is served');
	let target: URL;
	try {
		target = new URL(asked);
	} catch {
		return apiError(404, 'Not one of this site’s lists');
	}
	const origin = appConfig().ORIGIN ?? url.origin;
	if (target.origin !== new URL(origin).origin && target.origin !== url.origin)
		return apiError(404, 'Not one of this site’s lists');
	const language = localeOf(target.pathname);
	const builder = new URL(url.origin);
	builder.searchParams.set('filtre', target.pathname + target.search);
	builder.searchParams.set('sprog', language);
	const maxHeight = Number(url.searchParams.get('maxheight'));
	const height = Number.isInteger(maxHeight) && maxHeight >= 150 ? Math.min(maxHeight, 600) : 500;
	builder.searchParams.set('hoejde', String(height));
	const { choice, problem } = embedChoice(new URL(`${builder.origin}/?${builder.searchParams}`));
	if (problem) return apiError(404, 'Not one of this site’s lists');
	const names = {
		arrangementer: m.embed_list_events,
		job: m.embed_list_jobs,
		tilbud: m.embed_list_offers,
		uddannelser: m.embed_list_programmes
	};
	const site = m.site_name({}, { locale: language });
	const title = `${names[choice.list]({}, { locale: language })} – ${site}`;
	const { snippet } = embedCode(choice, origin, title);
	const maxWidth = Number(url.searchParams.get('maxwidth'));
	const width = Number.isInteger(maxWidth) && maxWidth > 0 ? Math.min(maxWidth, 800) : 600;
	return json(
		{
			version: '1.0',
			type: 'rich',
			title,
			provider_name: site,
			provider_url: `${origin}/`,
			// A CMS places the frame in a box of its own size: a width in pixels, not 100 %.
			html: snippet.replace('width="100%"', `width="${width}"`),
			width,
			height: choice.height,
			cache_age: 3600
		},
		{ headers: { 'cache-control': 'public, max-age=3600', 'access-control-allow-origin': '*' } }
	);
};

import { error } from '@sveltejs/kit';
import { activeStrategy } from '$lib/server/app.ts';
import { indicatorDownload } from '$lib/server/indicators/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	const strategy = await activeStrategy(locals.locale);
	const file = strategy && (await indicatorDownload(locals.db, strategy, params.code, 'xlsx'));
	if (!file) error(404, 'Not found');
	return new Response(file.body as BodyInit, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'cache-control': 'public, max-age=60'
		}
	});
};

import { apiError } from '$lib/server/http/respond.ts';
import { programmesCsv } from '$lib/server/programmes/index.ts';
import type { RequestHandler } from './$types';

/**
 * Every programme as CSV in the import template's columns: the open dataset (see /data).
 * `?demo=false` leaves the demo programmes out.
 */
export const GET: RequestHandler = async ({ url, locals }) => {
	const demo = url.searchParams.get('demo');
	if (demo !== null && demo !== 'true' && demo !== 'false')
		return apiError(400, 'Invalid query parameters', {
			details: [{ parameter: 'demo', message: 'demo is true or false' }]
		});
	return new Response(await programmesCsv(locals.db, { withDemo: demo !== 'false' }), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="uddannelser.csv"'
		}
	});
};

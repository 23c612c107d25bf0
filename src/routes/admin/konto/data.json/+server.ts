import { error } from '@sveltejs/kit';
import { exportUserData } from '$lib/server/accounts/index.ts';
import type { RequestHandler } from './$types';

/** Everything stored about the signed-in person, as a download (GDPR art. 15 and 20). */
export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.actor) error(403, 'Forbidden');
	const data = await exportUserData(locals.db, locals.actor.id);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="uddannelsesby-mine-data.json"',
			'cache-control': 'private, no-store'
		}
	});
};

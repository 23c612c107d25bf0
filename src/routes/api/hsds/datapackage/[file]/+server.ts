import { error } from '@sveltejs/kit';
import { cachedView } from '$lib/server/app.ts';
import { dataPackageFiles, hsdsServices } from '$lib/server/directory/index.ts';
import type { RequestHandler } from './$types';

/**
 * The whole directory as an HSDS 3.0 tabular data package: `datapackage.json` and one CSV per
 * table beside it (its paths are relative, so a tool that reads the descriptor finds them).
 */
export const GET: RequestHandler = async ({ params, locals }) => {
	const files = await cachedView('hsds:datapackage', async () =>
		Object.fromEntries(dataPackageFiles(await hsdsServices(locals.db)))
	);
	const text = Object.hasOwn(files, params.file) ? files[params.file] : undefined;
	if (text === undefined) error(404, 'Not found');
	return new Response(text, {
		headers: {
			'content-type': params.file.endsWith('.json')
				? 'application/json; charset=utf-8'
				: 'text/csv; charset=utf-8',
			'cache-control': 'public, max-age=300'
		}
	});
};

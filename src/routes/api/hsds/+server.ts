import { json } from '@sveltejs/kit';
import { HSDS_VERSION } from '$lib/server/directory/index.ts';
import type { RequestHandler } from './$types';

/** The HSDS API's root: which version of the standard the endpoints below speak. */
export const GET: RequestHandler = ({ url }) =>
	json(
		{
			version: HSDS_VERSION,
			profile: 'https://github.com/openreferral/specification',
			openapi_url: new URL('/api/v1/openapi.json', url).href,
			endpoints: ['/api/hsds/services', '/api/hsds/organizations']
		},
		{ headers: { 'cache-control': 'public, max-age=3600' } }
	);

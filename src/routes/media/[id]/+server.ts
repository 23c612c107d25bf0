import { error } from '@sveltejs/kit';
import { readImage } from '$lib/server/media/index.ts';
import type { RequestHandler } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A stored image. Its bytes never change under an id, so browsers may keep it for a year. */
export const GET: RequestHandler = async ({ params, locals, request }) => {
	if (!UUID.test(params.id)) error(404, 'Not found');
	const image = await readImage(locals.db, params.id);
	if (!image) error(404, 'Not found');
	const etag = `"${image.sha256}"`;
	const headers = {
		'content-type': image.contentType,
		'cache-control': 'public, max-age=31536000, immutable',
		etag,
		'x-content-type-options': 'nosniff',
		'content-security-policy': "default-src 'none'; sandbox"
	};
	if (request.headers.get('if-none-match') === etag)
		return new Response(null, { status: 304, headers });
	return new Response(new Uint8Array(image.bytes), { headers });
};

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

// Leaflet is served from its npm package, so the map needs no third-party script host and no
// copy of the library in the repository. Only these files are reachable.
const FILES: Record<string, string> = {
	'leaflet.js': 'text/javascript; charset=utf-8',
	'leaflet.css': 'text/css; charset=utf-8',
	'images/marker-icon.png': 'image/png',
	'images/marker-icon-2x.png': 'image/png',
	'images/marker-shadow.png': 'image/png'
};
const dist = dirname(createRequire(import.meta.url).resolve('leaflet/dist/leaflet.js'));
const cache = new Map<string, Uint8Array>();

export const GET: RequestHandler = async ({ params }) => {
	const type = Object.hasOwn(FILES, params.file) ? FILES[params.file] : undefined;
	if (!type) error(404, 'Not found');
	let body = cache.get(params.file);
	if (!body) {
		body = new Uint8Array(await readFile(join(dist, params.file)));
		cache.set(params.file, body);
	}
	return new Response(body.slice(), {
		headers: {
			'content-type': type,
			// The package version is fixed by the lock file; a day is safe across upgrades.
			'cache-control': 'public, max-age=86400',
			'x-content-type-options': 'nosniff'
		}
	});
};

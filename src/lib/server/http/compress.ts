import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Feeds: read by feed readers and calendars again and again, and text that packs well. */
const COMPRESSIBLE = ['application/atom+xml', 'application/rss+xml', 'text/calendar'];

/** The encodings a request accepts, from its `accept-encoding` (q=0 refuses one). */
export function acceptedEncodings(header: string | null): Set<string> {
	const accepted = new Set<string>();
	for (const part of (header ?? '').split(',')) {
		const [raw = '', ...parameters] = part.toLowerCase().split(';');
		const name = raw.trim();
		const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
		if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
	}
	return accepted;
}

/**
 * A feed answer compressed for a client that accepts it: Brotli where accepted, else gzip.
 * Done after the page cache, which keeps the plain body, so every client gets what it can
 * read; `vary` tells shared caches the same.
 */
export async function compressFeed(request: Request, response: Response): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	if (
		response.status !== 200 ||
		!response.body ||
		response.headers.has('content-encoding') ||
		!COMPRESSIBLE.some((t) => type.startsWith(t))
	)
		return response;
	const accepted = acceptedEncodings(request.headers.get('accept-encoding'));
	const encoding = accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : undefined;
	const headers = new Headers(response.headers);
	headers.append('vary', 'accept-encoding');
	if (!encoding) return new Response(response.body, { status: response.status, headers });
	const plain = Buffer.from(await response.arrayBuffer());
	const body =
		encoding === 'br'
			? await brotli(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
			: await gzipped(plain);
	headers.set('content-encoding', encoding);
	headers.set('content-length', String(body.length));
	return new Response(new Uint8Array(body), { status: response.status, headers });
}

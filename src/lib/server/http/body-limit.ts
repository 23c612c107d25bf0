import { can, type Action, type Actor } from '../accounts/index.ts';

/** Every request body but an upload: a form of text fields fits many times over. */
export const SMALL_BODY = 64 * 1024;

/**
 * The routes that take files, the most they take, and who may send that much: an indicator file
 * (20 MB, checked again on the page) and an organisation's logo (2 MB), each with its form.
 */
const UPLOADS: { route: string; bytes: number; action: Action }[] = [
	{ route: '/admin/indikatorer', bytes: 21 * 1024 * 1024, action: 'indicators.import' },
	{ route: '/admin/organisationer/[slug]', bytes: 3 * 1024 * 1024, action: 'submissions.create' }
];

/**
 * How large a request body may be. A large body is allowed only on an upload route, and only
 * to a signed-in actor who may use it; everyone else gets SMALL_BODY, so an anonymous reader
 * cannot make the server hold megabytes per request.
 */
export function bodyLimit(route: string, actor: Actor | undefined): number {
	const upload = UPLOADS.find((u) => u.route === route);
	return upload && can(actor, upload.action) ? upload.bytes : SMALL_BODY;
}

/**
 * Whether a request's body is refused before it is read: 413 when its declared length is over
 * the limit, 411 when it declares none where only small bodies are taken (browsers always send
 * the length of a form). Reads (GET, HEAD) carry no body.
 */
export function bodyRefusal(request: Request, limit: number): 411 | 413 | undefined {
	if (request.method === 'GET' || request.method === 'HEAD') return undefined;
	const declared = request.headers.get('content-length');
	if (declared === null) {
		const chunked = /chunked/i.test(request.headers.get('transfer-encoding') ?? '');
		return chunked && limit <= SMALL_BODY ? 411 : undefined;
	}
	const length = Number(declared);
	if (!Number.isSafeInteger(length) || length < 0) return 413;
	return length > limit ? 413 : undefined;
}

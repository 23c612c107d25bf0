import { json } from '@sveltejs/kit';
import type { z } from 'zod';

/** Every API error has this shape: `{ error: { code, message, details? } }`. */
export interface ApiErrorBody {
	error: { code: string; message: string; details?: unknown };
}

const codeForStatus: Record<number, string> = {
	400: 'bad_request',
	401: 'unauthorized',
	403: 'forbidden',
	404: 'not_found',
	405: 'method_not_allowed',
	409: 'conflict',
	413: 'payload_too_large',
	415: 'unsupported_media_type',
	422: 'unprocessable',
	429: 'too_many_requests',
	500: 'internal_error',
	503: 'unavailable'
};

export function apiError(
	status: number,
	message: string,
	options: { code?: string; details?: unknown } = {}
): Response {
	const body: ApiErrorBody = {
		error: { code: options.code ?? codeForStatus[status] ?? 'error', message }
	};
	if (options.details !== undefined) body.error.details = options.details;
	return json(body, { status, headers: { 'cache-control': 'no-store' } });
}

export function errorCodeForStatus(status: number): string {
	return codeForStatus[status] ?? 'error';
}

/** Validates query parameters; on failure, the 400 response names each bad parameter. */
export function parseQuery<S extends z.ZodType>(
	schema: S,
	url: URL
): { ok: true; data: z.infer<S> } | { ok: false; response: Response } {
	const query = schema.safeParse(Object.fromEntries(url.searchParams));
	if (query.success) return { ok: true, data: query.data };
	return {
		ok: false,
		response: apiError(400, 'Invalid query parameters', {
			details: query.error.issues.map((i) => ({ parameter: i.path.join('.'), message: i.message }))
		})
	};
}

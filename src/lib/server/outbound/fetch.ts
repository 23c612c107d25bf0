import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

/**
 * Why a fetch from another server failed, in words an editor can act on (English and Danish),
 * with the HTTP status when the server answered.
 */
export class FetchError extends Error {
	constructor(
		readonly reason:
			'address' | 'protocol' | 'timeout' | 'too-large' | 'status' | 'redirects' | 'network',
		message: string,
		readonly status?: number,
		readonly retryAfter?: string,
		/** The answer's body when the server answered with an error status (it may say why). */
		readonly body?: Uint8Array
	) {
		super(message);
		this.name = 'FetchError';
	}
}

export interface FetchOptions {
	method?: 'GET' | 'POST';
	headers?: Record<string, string>;
	body?: string;
	/** The whole exchange, body included (10 s). */
	timeoutMs?: number;
	/** The most bytes the answer may have (5 MB). */
	maxBytes?: number;
	/**
	 * Allow private, loopback and link-local addresses and plain http: for tests against a
	 * local stand-in server only (FEED_ALLOW_PRIVATE).
	 */
	allowPrivate?: boolean;
	/**
	 * For tests: these IP addresses alone are let through (over http too), so a test can show
	 * that a redirect from them to another private address is refused.
	 */
	allowAddresses?: string[];
	/** Redirects followed, each checked like the first address (3). */
	maxRedirects?: number;
}

export interface Fetched {
	status: number;
	contentType: string;
	body: Uint8Array;
	/** The address that answered, after redirects. */
	url: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches from another server the careful way: https only, never from a private, loopback or
 * link-local address (checked on the address DNS gives when connecting, so also after
 * redirects and DNS tricks, by request-filtering-agent), within a time limit for the whole
 * answer and a size limit counted as the bytes arrive. Any other answer than 2xx is an error.
 */
export async function fetchLimited(address: string, options: FetchOptions = {}): Promise<Fetched> {
	const deadline = AbortSignal.timeout(options.timeoutMs ?? 10_000);
	const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
	let url = address;
	let method = options.method ?? 'GET';
	let body = options.body;
	for (let hop = 0; ; hop++) {
		const answer = await exchange(url, method, body, options, deadline, maxBytes);
		if (!REDIRECTS.has(answer.status)) {
			if (answer.status < 200 || answer.status > 299)
				throw new FetchError(
					'status',
					`the server answered ${answer.status}`,
					answer.status,
					answer.retryAfter,
					answer.body
				);
			return answer;
		}
		if (hop >= (options.maxRedirects ?? 3))
			throw new FetchError('redirects', 'the server redirected too many times');
		if (!answer.location)
			throw new FetchError('status', `the server answered ${answer.status} without a Location`);
		url = new URL(answer.location, url).href;
		if (
			answer.status === 303 ||
			((answer.status === 301 || answer.status === 302) && method === 'POST')
		) {
			method = 'GET';
			body = undefined;
		}
	}
}

function exchange(
	url: string,
	method: string,
	body: string | undefined,
	options: FetchOptions,
	deadline: AbortSignal,
	maxBytes: number
): Promise<Fetched & { location?: string; retryAfter?: string }> {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return Promise.reject(new FetchError('protocol', `"${url}" is not an address`));
	}
	const secure = parsed.protocol === 'https:';
	const testing = options.allowPrivate || (options.allowAddresses?.length ?? 0) > 0;
	if (!secure && !(testing && parsed.protocol === 'http:'))
		return Promise.reject(
			new FetchError('protocol', `only https addresses are fetched, not ${parsed.protocol}`)
		);
	const filter = {
		allowPrivateIPAddress: options.allowPrivate ?? false,
		allowIPAddressList: options.allowAddresses ?? []
	};
	const agent = secure
		? new RequestFilteringHttpsAgent(filter)
		: new RequestFilteringHttpAgent(filter);
	const send = secure ? httpsRequest : httpRequest;
	return new Promise((resolve, reject) => {
		const fail = (error: unknown) => {
			agent.destroy();
			reject(asFetchError(error, deadline));
		};
		const req = send(
			parsed,
			{
				method,
				agent,
				signal: deadline,
				headers: {
					...options.headers,
					...(body === undefined ? {} : { 'content-length': Buffer.byteLength(body) })
				}
			},
			(res: IncomingMessage) => {
				const status = res.statusCode ?? 0;
				const header = (name: string) => {
					const v = res.headers[name];
					return Array.isArray(v) ? v[0] : v;
				};
				const declared = Number(header('content-length') ?? 0);
				if (declared > maxBytes) {
					res.destroy();
					return fail(tooLarge(maxBytes));
				}
				const chunks: Buffer[] = [];
				let size = 0;
				res.on('data', (chunk: Buffer) => {
					size += chunk.length;
					if (size > maxBytes) {
						res.destroy();
						fail(tooLarge(maxBytes));
						return;
					}
					chunks.push(chunk);
				});
				res.on('error', fail);
				res.on('end', () => {
					if (size > maxBytes) return;
					agent.destroy();
					resolve({
						status,
						contentType: header('content-type') ?? '',
						body: new Uint8Array(Buffer.concat(chunks)),
						url,
						location: header('location'),
						retryAfter: header('retry-after')
					});
				});
			}
		);
		req.on('error', fail);
		req.end(body);
	});
}

const tooLarge = (maxBytes: number) =>
	new FetchError('too-large', `the answer is larger than ${Math.round(maxBytes / 1024)} KB`);

function asFetchError(error: unknown, deadline: AbortSignal): FetchError {
	if (error instanceof FetchError) return error;
	if (deadline.aborted) return new FetchError('timeout', 'the server did not answer in time');
	const message = error instanceof Error ? error.message : String(error);
	if (/is not allowed/.test(message))
		return new FetchError(
			'address',
			'the address is private, loopback or link-local, and is not fetched'
		);
	return new FetchError('network', `the server could not be reached (${message})`);
}

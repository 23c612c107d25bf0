import { LruCache, type ContentVersion } from './versioned.ts';

interface CachedPage {
	version: string;
	status: number;
	headers: [string, string][];
	body: Uint8Array;
}

/**
 * Rendered public pages, kept until the content changes. Only anonymous GET requests are
 * served from it, and only responses the page marked `cache-control: public` are stored.
 */
export class PageCache {
	private readonly pages: LruCache<CachedPage>;
	constructor(
		private readonly version: ContentVersion,
		capacity = 500
	) {
		this.pages = new LruCache(capacity);
	}

	static eligible(request: Request): boolean {
		return (
			request.method === 'GET' &&
			!request.headers.has('cookie') &&
			!request.headers.has('authorization')
		);
	}

	async lookup(key: string): Promise<Response | undefined> {
		const page = this.pages.get(key);
		if (!page || page.version !== (await this.version.current())) return undefined;
		return new Response(page.body.slice(), { status: page.status, headers: page.headers });
	}

	/** Stores a copy of the response if it may be shared, and returns a response to send. */
	async store(key: string, response: Response): Promise<Response> {
		const cacheControl = response.headers.get('cache-control') ?? '';
		// A CSP nonce must be new for every response, so a page that uses one is never shared.
		const usesNonce = (response.headers.get('content-security-policy') ?? '').includes("'nonce-");
		// A download is served from its own file, built once per version; reading it into memory
		// here would undo that.
		const isDownload = (response.headers.get('content-disposition') ?? '').startsWith('attachment');
		if (
			response.status !== 200 ||
			!/\bpublic\b/.test(cacheControl) ||
			response.headers.has('set-cookie') ||
			usesNonce ||
			isDownload
		) {
			return response;
		}
		const version = await this.version.current();
		const body = new Uint8Array(await response.arrayBuffer());
		const headers = [...response.headers.entries()];
		this.pages.set(key, { version, status: response.status, headers, body });
		return new Response(body.slice(), { status: response.status, headers });
	}
}

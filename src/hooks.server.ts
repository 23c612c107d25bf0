import { randomUUID } from 'node:crypto';
import { observeRequest } from '$lib/server/metrics/index.ts';
import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { withMessageLocale } from '$lib/server/http/message-locale.ts';
import { localeOf, type Locale } from '$lib/i18n/routes.ts';
import {
	appAuth,
	appConfig,
	appDatabase,
	mapTileOrigin,
	pageCache,
	startApp,
	stopApp,
	trackRequest
} from '$lib/server/app.ts';
import { hasAuthCookie, resolveSession } from '$lib/server/http/session.ts';
import { adminGate, canonicalRoute, isPrivateRoute } from '$lib/server/http/admin-gate.ts';
import { crossSiteRequest } from '$lib/server/http/csrf.ts';
import { bodyLimit, bodyRefusal } from '$lib/server/http/body-limit.ts';
import { pageCacheKey } from '$lib/server/http/cache-policy.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { PageCache } from '$lib/server/cache/index.ts';
import { compressFeed } from '$lib/server/http/compress.ts';
import { apiError, errorCodeForStatus } from '$lib/server/http/respond.ts';
import { logger } from '$lib/server/log.ts';
import { NOTHING_RUNS, securityHeaders } from '$lib/security-headers.js';
import { allowFraming, isEmbedRoute } from '$lib/server/http/embed.ts';

export const init: ServerInit = async () => {
	try {
		await startApp();
	} catch (error) {
		// A clear message and a non-zero exit, rather than a server that answers 500 to everything.
		logger.fatal({ err: error }, (error as Error).message);
		console.error(`\nUddannelsesby could not start:\n${(error as Error).message}\n`);
		process.exit(1);
	}
	// adapter-node emits this after SIGTERM/SIGINT once the server has stopped accepting requests.
	process.once('sveltekit:shutdown' as 'exit', (reason: unknown) => {
		void stopApp(String(reason));
	});
};

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

// What the handle below hands SvelteKit is made once, not per request. A function made per
// request and handed on (a getter on `locals`, a page-chunk transform) kept its whole request
// alive through every young-generation collection until the next full one under Node 20's V8:
// /healthz moved 5.5 kB a request to the old generation with them, 1.5 kB without
// (docs/deployment.md, Rendering; bench/gc-survival.js).
const appDb = () => appDatabase().db;
const SET_LANG: Record<Locale, (input: { html: string }) => string> = {
	da: ({ html }) => html.replace('%lang%', 'da'),
	en: ({ html }) => html.replace('%lang%', 'en')
};

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const incoming = event.request.headers.get('x-request-id');
	const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
	event.locals.requestId = requestId;
	event.locals.locale = localeOf(event.url.pathname);
	Object.defineProperties(event.locals, {
		database: { get: appDatabase, enumerable: false },
		db: { get: appDb, enumerable: false }
	});

	// Every rule below keys on the route the router will serve, never on how the path is spelled.
	const route = canonicalRoute(event.url.pathname, event.route.id);
	if (crossSiteRequest(event.request, event.url, route)) {
		logger.warn(
			{
				reqId: requestId,
				method: event.request.method,
				path: event.url.pathname,
				origin: event.request.headers.get('origin'),
				siteOrigin: event.url.origin
			},
			'cross-site request refused'
		);
		return refuseCrossSite(event);
	}

	const isApi = event.url.pathname.startsWith('/api/');
	// The health probes answer from the process alone: never the page cache, whose lookup reads
	// the content version from the database (which a long import can hold).
	const isProbe = route === '/healthz' || route === '/readyz';
	const cache = PageCache.eligible(event.request) && !isProbe ? pageCache() : undefined;
	const { key: cacheKey, storable } = pageCacheKey(route, event.url);
	const refreshedCookies: string[] = [];
	let response = await trackRequest(async () => {
		const cached = await cache?.lookup(cacheKey);
		if (cached) return cached;
		if (!cache && !event.url.pathname.startsWith('/api/auth/')) {
			const { auth, baseUrl } = appAuth();
			if (hasAuthCookie(event.request, baseUrl)) {
				const signedIn = await resolveSession(
					auth,
					appDatabase().db,
					event.request,
					appConfig().SESSION_MAX_HOURS * 3600_000,
					(cookie) => refreshedCookies.push(cookie)
				);
				if (signedIn) {
					event.locals.user = signedIn.user;
					event.locals.actor = signedIn.actor;
					event.locals.sessionId = signedIn.sessionId;
				}
			}
		}
		const refused = bodyRefusal(event.request, bodyLimit(route, event.locals.actor));
		if (refused) return refuseBody(event, refused);
		const gate = adminGate(route, event.locals.user);
		if (gate === 'login' || gate === 'two-factor') return refuseAdmin(event, gate);
		const rendered = await withMessageLocale(event.locals.locale, event.url.origin, () =>
			resolve(event, { transformPageChunk: SET_LANG[event.locals.locale] })
		);
		return cache && storable ? cache.store(cacheKey, rendered) : rendered;
	});

	if (
		isApi &&
		response.status >= 400 &&
		!response.headers.get('content-type')?.includes('application/json')
	) {
		// SvelteKit's own 404/405 answers are text; the API promises JSON errors everywhere.
		const message = (await response.text()).trim() || response.statusText || 'Error';
		const allow = response.headers.get('allow');
		response = apiError(response.status, message, { code: errorCodeForStatus(response.status) });
		if (allow) response.headers.set('allow', allow);
	}

	response = await compressFeed(event.request, response);
	const headers = response.headers;
	for (const cookie of refreshedCookies) headers.append('set-cookie', cookie);
	// An error page is never kept by a browser or a proxy: the next request must ask again.
	if (response.status >= 400) headers.set('cache-control', 'no-store');
	else if ((event.locals.user || isPrivateRoute(route)) && !headers.has('cache-control'))
		// Signed-in answers and private routes, redirects included (SvelteKit's trailing-slash
		// redirect is cacheable by default).
		headers.set('cache-control', 'private, no-store');
	for (const [name, value] of Object.entries(securityHeaders(appConfig().ORIGIN))) {
		if (!headers.has(name)) headers.set(name, value);
	}
	if (!headers.has('content-security-policy')) {
		headers.set('content-security-policy', NOTHING_RUNS);
	} else if (event.url.pathname === '/tilbud' || event.url.pathname === '/en/offers') {
		// The offer map may show tiles from the configured tile server, and nothing else.
		const tiles = mapTileOrigin();
		if (tiles) {
			const csp = headers.get('content-security-policy')!;
			headers.set('content-security-policy', csp.replace(/img-src ([^;]*)/, `img-src $1 ${tiles}`));
		}
	}
	if (isEmbedRoute(route)) allowFraming(headers);
	headers.set('x-request-id', requestId);

	const durationMs = Math.round((performance.now() - started) * 100) / 100;
	observeRequest(event.request.method, event.route.id, response.status, durationMs / 1000);
	const line = {
		reqId: requestId,
		method: event.request.method,
		path: event.url.pathname,
		status: response.status,
		durationMs
	};
	if (response.status >= 500) logger.error(line, 'request');
	else logger.info(line, 'request');
	return response;
};

/**
 * A cross-site write, refused: a browser gets the site's own page saying why, in the reader's
 * language (rendered by a GET of /afvist, which answers 403), anything else a line of text.
 */
async function refuseCrossSite(event: RequestEvent): Promise<Response> {
	const headers = { 'cache-control': 'no-store' };
	if ((event.request.headers.get('accept') ?? '').includes('text/html')) {
		const page = await event.fetch(localizedPath('/afvist', event.locals.locale), {
			headers: { accept: 'text/html' }
		});
		const pageHeaders = new Headers(page.headers);
		pageHeaders.set('cache-control', 'no-store');
		return new Response(await page.text(), { status: 403, headers: pageHeaders });
	}
	return new Response(m.error_refused_cross_site({}, { locale: event.locals.locale }), {
		status: 403,
		headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' }
	});
}

/** A request body refused before it is read: too large (413) or of unknown length (411). */
function refuseBody(event: RequestEvent, status: 411 | 413): Response {
	const da = event.locals.locale === 'da';
	const message =
		status === 413
			? da
				? 'Det, der blev sendt, er for stort.'
				: 'What was sent is too large.'
			: da
				? 'Det, der blev sendt, havde ingen længde.'
				: 'What was sent had no length.';
	// The connection is closed after the answer, so the unread body is not read either.
	return new Response(message, {
		status,
		headers: {
			'cache-control': 'no-store',
			'content-type': 'text/plain; charset=utf-8',
			connection: 'close'
		}
	});
}

/**
 * An /admin request without the right session: a page is redirected (to sign-in, or to the
 * account page to set up two-factor); anything else (a form post) gets 403.
 */
function refuseAdmin(event: RequestEvent, gate: 'login' | 'two-factor'): Response {
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD')
		return new Response('Forbidden', { status: 403, headers: { 'cache-control': 'no-store' } });
	const locale = event.locals.locale;
	const location =
		gate === 'login'
			? `${localizedPath('/log-ind', locale)}?next=${encodeURIComponent(event.url.pathname + event.url.search)}`
			: localizedPath('/admin/konto', locale);
	return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const id = event.locals.requestId;
	if (status >= 500)
		logger.error({ reqId: id, err: error, path: event.url.pathname }, 'unhandled error');
	return { message: status >= 500 ? 'Internal error' : message, id };
};

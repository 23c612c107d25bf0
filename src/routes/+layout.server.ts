import { activeStrategy } from '$lib/server/app.ts';
import { alternatePath } from '$lib/i18n/routes.ts';
import { canonicalRoute, isPrivateRoute } from '$lib/server/http/admin-gate.ts';
import { nearIsAddress } from '$lib/server/search/index.ts';
import { serverRendered } from '$lib/server-rendered.ts';
import type { LayoutServerLoad } from './$types';

// Public pages are complete HTML and need no JavaScript; pages that gain interactive parts
// turn client-side rendering on for themselves.
export const csr = false;

export const load: LayoutServerLoad = async ({ locals, url, route, setHeaders }) => {
	const strategy = (await activeStrategy(locals.locale)) ?? null;
	// Public pages are the same for every reader: browsers, proxies and the server's page cache
	// may keep them. Sign-in, invitations, administration and anything shown to a signed-in
	// user are private.
	// So is a page measured from the reader's own address (`near` that is not a postcode): no
	// cache keeps the address, and a failed lookup is tried again.
	const isPrivate =
		Boolean(locals.user) ||
		isPrivateRoute(canonicalRoute(url.pathname, route.id)) ||
		nearIsAddress(url.searchParams.get('near'));
	setHeaders({ 'cache-control': isPrivate ? 'private, no-store' : 'public, max-age=60' });
	// Only what the frame needs. Pages that show the strategy load their own part of it
	// (cached). Not serialised for the browser (no client-side rendering): server-rendered.ts.
	return serverRendered({
		locale: locals.locale,
		site: strategy
			? {
					municipality: strategy.municipality,
					untranslated: strategy.untranslated,
					period: strategy.period
				}
			: null,
		path: url.pathname,
		user: locals.user ? { name: locals.user.name, role: locals.user.role } : null,
		alternates: {
			da: alternatePath(url.pathname, 'da') + sameQuery(url),
			en: alternatePath(url.pathname, 'en') + sameQuery(url)
		}
	});
};

/**
 * The page's query for the same page in the other language, so a search, a page number or a
 * mailed link's token survives the language switch; a form action's `?/name` does not.
 */
function sameQuery(url: URL): string {
	const params = new URLSearchParams(url.search);
	for (const key of [...params.keys()]) if (key.startsWith('/')) params.delete(key);
	const query = params.toString();
	return query ? `?${query}` : '';
}

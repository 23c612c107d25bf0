import { activeStrategy } from '$lib/server/app.ts';
import { alternatePath } from '$lib/i18n/routes.ts';
import type { LayoutServerLoad } from './$types';

// Public pages are complete HTML and need no JavaScript; pages that gain interactive parts
// turn client-side rendering on for themselves.
export const csr = false;

export const load: LayoutServerLoad = async ({ locals, url, setHeaders }) => {
	const strategy = (await activeStrategy(locals.locale)) ?? null;
	// Public, the same for every reader: browsers, proxies and the server's page cache may keep it.
	setHeaders({ 'cache-control': 'public, max-age=60' });
	// Only what the frame needs: SvelteKit serialises load data on every render. Pages that
	// show the strategy load their own part of it (cached).
	return {
		locale: locals.locale,
		site: strategy
			? {
					municipality: strategy.municipality,
					untranslated: strategy.untranslated,
					period: strategy.period
				}
			: null,
		path: url.pathname,
		alternates: { da: alternatePath(url.pathname, 'da'), en: alternatePath(url.pathname, 'en') }
	};
};

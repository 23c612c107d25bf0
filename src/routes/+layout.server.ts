import { getActiveStrategy } from '$lib/server/strategy/index.ts';
import { alternatePath } from '$lib/i18n/routes.ts';
import type { LayoutServerLoad } from './$types';

// Public pages are complete HTML and need no JavaScript; pages that gain interactive parts
// turn client-side rendering on for themselves.
export const csr = false;

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const strategy = (await getActiveStrategy(locals.db, locals.locale)) ?? null;
	return {
		locale: locals.locale,
		strategy,
		path: url.pathname,
		alternates: { da: alternatePath(url.pathname, 'da'), en: alternatePath(url.pathname, 'en') }
	};
};

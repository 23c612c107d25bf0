import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

/**
 * The page a refused cross-site form post is answered with (the hooks render it): the site's
 * frame and the reason, in the reader's language, with status 403.
 */
export const load: PageServerLoad = ({ locals }) => {
	error(403, m.error_refused_cross_site({}, { locale: locals.locale }));
};

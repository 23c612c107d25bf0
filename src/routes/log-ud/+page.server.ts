import { redirect } from '@sveltejs/kit';
import { localizedPath } from '$lib/i18n/routes.ts';
import { appAuth } from '$lib/server/app.ts';
import { applySetCookies } from '$lib/server/http/session.ts';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST (a link could be triggered by another site).
export const load: PageServerLoad = ({ locals }) => {
	redirect(303, localizedPath(locals.user ? '/admin' : '/log-ind', locals.locale));
};

export const actions: Actions = {
	default: async (event) => {
		try {
			const { headers } = await appAuth().auth.api.signOut({
				headers: event.request.headers,
				returnHeaders: true
			});
			applySetCookies(headers.get('set-cookie'), event.cookies);
		} catch {
			// No session to end: the result is the same.
		}
		redirect(303, `${localizedPath('/log-ind', event.locals.locale)}?besked=out`);
	}
};

import { readForm } from '$lib/server/http/forms.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { describeAlert } from '$lib/server/http/alert-pages.ts';
import { alertToConfirm, confirmAlert } from '$lib/server/opportunities/index.ts';
import type { Actions, PageServerLoad } from './$types';

// The link in the mail opens this page; only the button confirms, because mail scanners
// open links by themselves.
// Private (never cached) as every /job/besked page: see isPrivateRoute.
export const load: PageServerLoad = async ({ url, locals, setHeaders }) => {
	// The token in the address must not reach other sites as a Referer; "no-referrer" would
	// also make the browser send `Origin: null` with the button's post, which CSRF refuses.
	setHeaders({ 'referrer-policy': 'same-origin' });
	const token = url.searchParams.get('t') ?? '';
	const alert = await alertToConfirm(locals.db, token);
	return {
		token: alert ? token : null,
		search: alert ? await describeAlert(locals.db, alert, locals.locale) : null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { url, locals } = event;
		// The token is in the address; the body (the button's, or a mail provider's
		// `List-Unsubscribe=One-Click`) is read all the same, so the connection stays usable.
		await readForm(event);
		const confirmed = await confirmAlert(locals.db, url.searchParams.get('t') ?? '');
		return {
			confirmed: confirmed !== undefined,
			unsubscribe: confirmed
				? `${localizedPath('/job/besked/afmeld', locals.locale)}?t=${confirmed.unsubscribeToken}`
				: null
		};
	}
};

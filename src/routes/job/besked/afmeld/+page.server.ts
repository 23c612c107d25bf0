import { readForm } from '$lib/server/http/forms.ts';
import { describeAlert } from '$lib/server/http/alert-pages.ts';
import { alertToUnsubscribe, unsubscribeAlert } from '$lib/server/opportunities/index.ts';
import type { Actions, PageServerLoad } from './$types';

// The link in every alert mail. A reader gets a page with a button; a mail provider's
// one-click request (RFC 8058: a POST of `List-Unsubscribe=One-Click` to the same address,
// allowed from any origin in hooks.server.ts) unsubscribes at once.
// Private (never cached) as every /job/besked page: see isPrivateRoute.
export const load: PageServerLoad = async ({ url, locals, setHeaders }) => {
	// The token in the address must not reach other sites as a Referer; "no-referrer" would
	// also make the browser send `Origin: null` with the button's post, which CSRF refuses.
	setHeaders({ 'referrer-policy': 'same-origin' });
	const alert = await alertToUnsubscribe(locals.db, url.searchParams.get('t') ?? '');
	return { search: alert ? await describeAlert(locals.db, alert, locals.locale) : null };
};

export const actions: Actions = {
	default: async (event) => {
		const { url, locals } = event;
		// The token is in the address; the body (the button's, or a mail provider's
		// `List-Unsubscribe=One-Click`) is read all the same, so the connection stays usable.
		await readForm(event);
		// Unsubscribing twice is not an error: the reader's wish is met either way.
		await unsubscribeAlert(locals.db, url.searchParams.get('t') ?? '');
		return { unsubscribed: true };
	}
};

import { error, fail, redirect } from '@sveltejs/kit';
import { localizedPath } from '$lib/i18n/routes.ts';
import { msg } from '$lib/i18n/message.ts';
import { hit, ipKey } from '$lib/server/accounts/index.ts';
import { readForm, field } from '$lib/server/http/forms.ts';
import { appAuth, appLocate, cachedView, contentVersion } from '$lib/server/app.ts';
import { taxonomy } from '$lib/server/directory/index.ts';
import { nearIsAddress } from '$lib/server/search/index.ts';
import {
	alertAddress,
	postingSearchPage,
	requestAlert,
	searchOpportunities,
	opportunityQueryFromUrl
} from '$lib/server/opportunities/index.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const locate = appLocate();
	const parsed = opportunityQueryFromUrl(url, { addresses: locate !== undefined });
	if (!parsed.ok) error(400, parsed.problems.map((p) => `${p.parameter}: ${p.message}`).join('; '));
	const query = parsed.query;
	const locale = locals.locale;
	// Postings close at their deadline: a cached answer is kept an hour at most.
	const hour = Math.floor(Date.now() / 3_600_000);
	const view = async () => {
		const [results, terms] = await Promise.all([
			searchOpportunities(locals.db, query, locale, new Date(), {
				locate,
				version: await contentVersion()
			}),
			taxonomy(locals.db)
		]);
		return {
			...postingSearchPage({
				results,
				query,
				search: url.search,
				locale,
				terms,
				postingPath: (slug) => localizedPath(`/job/${slug}`, locale)
			}),
			query: {
				q: query.q,
				english: query.englishFriendly,
				hours: query.maxHours ?? null,
				deadline: query.deadlineFrom ?? '',
				near: query.near ?? '',
				km: query.km ?? null,
				sort: query.sort,
				page: query.page
			},
			addresses: locate !== undefined
		};
	};
	// A page measured from an address is not cached: the address stays out of the cache, and a
	// lookup that failed is tried again next time.
	return serverRendered(
		await (nearIsAddress(query.near)
			? view()
			: cachedView(`jobs:${locale}:${url.search}:${hour}`, view))
	);
};

export const actions: Actions = {
	/** Saves the search on the page as an e-mail alert, once the address confirms it. */
	alert: async (event) => {
		const locale = event.locals.locale;
		const form = await readForm(event);
		const email = (field(form, 'email') ?? '').trim();
		if (!alertAddress.safeParse(email).success)
			return fail(400, { alert: { message: msg('alert_bad_email'), email: email.slice(0, 254) } });
		const limited = await hit(event.locals.db, ipKey('job-alert', event.getClientAddress()), {
			max: 10,
			windowSeconds: 3600
		});
		if (!limited.allowed)
			return fail(429, { alert: { message: msg('alert_too_many'), email: email.slice(0, 254) } });
		const parsed = opportunityQueryFromUrl(event.url, { addresses: appLocate() !== undefined });
		if (!parsed.ok)
			error(400, parsed.problems.map((p) => `${p.parameter}: ${p.message}`).join('; '));
		if (nearIsAddress(parsed.query.near))
			return fail(400, {
				alert: { message: msg('alert_near_postcode'), email: email.slice(0, 254) }
			});
		const { mailer, baseUrl } = appAuth();
		await requestAlert(event.locals.db, mailer, baseUrl, {
			email,
			search: parsed.query,
			locale
		});
		redirect(303, localizedPath('/job/besked', locale));
	}
};
import { serverRendered } from '$lib/server-rendered.ts';

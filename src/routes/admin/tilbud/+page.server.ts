import { listOrganizations, offersOf, taxonomy, termOptions } from '$lib/server/directory/index.ts';
import { mySubmissions } from '$lib/server/moderation/index.ts';
import { proposalAction } from '$lib/server/http/forms.ts';
import { submitOfferForm } from '$lib/server/http/offer-form.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import { appConfig, appLocate } from '$lib/server/app.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireCan(locals, 'submissions.create');
	const [all, terms, mine, published] = await Promise.all([
		listOrganizations(locals.db),
		taxonomy(locals.db),
		mySubmissions(locals.db, actor),
		offersOf(locals.db, actor.role === 'partner' ? actor.organizationIds : [])
	]);
	const organizations = (
		actor.role === 'partner' ? all.filter((o) => actor.organizationIds.includes(o.id)) : all
	).map((o) => ({ id: o.id, slug: o.slug, name: o.name }));
	return {
		organizations,
		// Partners keep their own organisations' public profiles; editors do it under Organisations.
		profiles: actor.role === 'partner' ? organizations : [],
		categories: termOptions(terms, 'category', locals.locale),
		audiences: termOptions(terms, 'audience', locals.locale),
		submissions: mine.map(({ changes: _changes, ...s }) => s),
		published: published.map((o) => {
			const checked = o.last_verified_at ? new Date(o.last_verified_at) : null;
			const staleBefore = Date.now() - appConfig().STALE_AFTER_DAYS * 86_400_000;
			return {
				slug: o.slug,
				name: o.name,
				organization: o.organization,
				checked: checked?.toISOString().slice(0, 10) ?? null,
				stale: !checked || checked.getTime() < staleBefore
			};
		}),
		confirmed: url.searchParams.get('bekraeftet'),
		sent: url.searchParams.has('sendt')
	};
};

export const actions: Actions = {
	default: proposalAction('/admin/tilbud', ({ locals }, actor, form) =>
		submitOfferForm(locals.db, actor, form, undefined, locals.locale, appLocate())
	)
};

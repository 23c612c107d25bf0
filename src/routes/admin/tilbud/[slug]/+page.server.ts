import { error } from '@sveltejs/kit';
import { can } from '$lib/server/accounts/index.ts';
import { offerForEditing, taxonomy, termOptions } from '$lib/server/directory/index.ts';
import { organizationsById } from '$lib/server/directory/index.ts';
import { bilingualValues, sendProposal } from '$lib/server/http/forms.ts';
import { placeAndHoursValues, submitOfferForm } from '$lib/server/http/offer-form.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import { appLocate } from '$lib/server/app.ts';
import type { Actions, PageServerLoad } from './$types';

/** The offer if the actor may propose changes to it; otherwise 404, so ids cannot be probed. */
async function editable(locals: App.Locals, slug: string) {
	const actor = requireCan(locals, 'submissions.create');
	const offer = /^[a-z0-9-]{1,120}$/.test(slug)
		? await offerForEditing(locals.db, slug)
		: undefined;
	if (!offer || !can(actor, 'submissions.create', { organizationId: offer.organizationId }))
		error(404, 'Not found');
	return { actor, offer };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { offer } = await editable(locals, params.slug);
	const [terms, [organization]] = await Promise.all([
		taxonomy(locals.db),
		organizationsById(locals.db, [offer.organizationId])
	]);
	return {
		title: offer.name.da,
		organizations: [{ id: offer.organizationId, name: organization?.name ?? '' }],
		categories: termOptions(terms, 'category', locals.locale, offer.categories),
		audiences: termOptions(terms, 'audience', locals.locale, offer.audiences),
		values: {
			organizationId: offer.organizationId,
			...bilingualValues('name', offer.name),
			...bilingualValues('desc', offer.description),
			url: offer.url ?? '',
			price: offer.isFree || offer.priceOre === null ? '' : String(offer.priceOre / 100),
			email: offer.email ?? '',
			phone: offer.phone ?? '',
			...placeAndHoursValues(offer)
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, offer } = await editable(event.locals, event.params.slug);
		return sendProposal(event, '/admin/tilbud', (form) =>
			submitOfferForm(event.locals.db, actor, form, offer.id, event.locals.locale, appLocate())
		);
	}
};

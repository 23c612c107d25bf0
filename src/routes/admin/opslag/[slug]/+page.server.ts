import { error } from '@sveltejs/kit';
import { can } from '$lib/server/accounts/index.ts';
import { sendProposal } from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import {
	postingValues,
	postingVocabulary,
	submitPostingForm
} from '$lib/server/http/posting-form.ts';
import { organizationBySlug } from '$lib/server/directory/index.ts';
import { getOpportunity, OPPORTUNITY_TYPES } from '$lib/server/opportunities/index.ts';
import type { Actions, PageServerLoad } from './$types';

/** The posting if the actor may propose a change to it; otherwise 404, so slugs cannot be probed. */
async function editable(locals: App.Locals, slug: string) {
	const actor = requireCan(locals, 'submissions.create');
	const posting = /^[a-z0-9-]{1,120}$/.test(slug)
		? await getOpportunity(locals.db, slug)
		: undefined;
	const organization = posting
		? await organizationBySlug(locals.db, posting.organization.slug)
		: undefined;
	if (
		!posting ||
		!organization ||
		!can(actor, 'submissions.create', { organizationId: organization.id })
	)
		error(404, 'Not found');
	return { actor, posting, organization };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { posting, organization } = await editable(locals, params.slug);
	return {
		title: posting.title.da,
		organizations: [{ id: organization.id, name: organization.name }],
		types: OPPORTUNITY_TYPES,
		...(await postingVocabulary(locals.db, locals.locale)),
		values: postingValues({ ...posting, organizationId: organization.id })
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, posting } = await editable(event.locals, event.params.slug);
		return sendProposal(event, '/admin/opslag', (form) =>
			submitPostingForm(event.locals.db, actor, form, event.locals.locale, posting.id)
		);
	}
};

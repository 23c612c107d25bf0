import { error } from '@sveltejs/kit';
import { can } from '$lib/server/accounts/index.ts';
import { organizationsById } from '$lib/server/directory/index.ts';
import { eventForEditing } from '$lib/server/events/index.ts';
import { eventValues, eventVocabulary, submitEventForm } from '$lib/server/http/event-form.ts';
import { sendProposal } from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * The event if the actor may propose a change to it (one of their organisation's, entered here
 * rather than read from a calendar); otherwise 404, so slugs cannot be probed.
 */
async function editable(locals: App.Locals, slug: string) {
	const actor = requireCan(locals, 'submissions.create');
	const event = /^[a-z0-9-]{1,120}$/.test(slug)
		? await eventForEditing(locals.db, { slug })
		: undefined;
	if (!event || !can(actor, 'submissions.create', { organizationId: event.organizationId }))
		error(404, 'Not found');
	return { actor, event };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { event } = await editable(locals, params.slug);
	const [vocabulary, [organization], values] = await Promise.all([
		eventVocabulary(locals.db, locals.locale),
		organizationsById(locals.db, [event.organizationId]),
		eventValues(locals.db, event)
	]);
	return {
		title: event.title.da,
		slug: event.slug,
		organizations: [{ id: event.organizationId, name: organization?.name ?? '' }],
		...vocabulary,
		values
	};
};

export const actions: Actions = {
	default: async (request) => {
		const { actor, event } = await editable(request.locals, request.params.slug);
		return sendProposal(
			request,
			'/admin/arrangementer',
			(form) => submitEventForm(request.locals.db, actor, form, request.locals.locale, event.id),
			'aendring'
		);
	}
};

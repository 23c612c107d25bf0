import { redirect } from '@sveltejs/kit';
import { localizedPath } from '$lib/i18n/routes.ts';
import { can } from '$lib/server/accounts/index.ts';
import { listOrganizations } from '$lib/server/directory/index.ts';
import { comingEventsOf, setEventCancelled } from '$lib/server/events/index.ts';
import { eventVocabulary, submitEventForm } from '$lib/server/http/event-form.ts';
import { field, formFailure, proposalAction, readForm } from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import { mySubmissions } from '$lib/server/moderation/index.ts';
import { msg } from '$lib/i18n/message.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireCan(locals, 'submissions.create');
	// Editors change and cancel (or un-cancel) every coming event here; partners propose new ones
	// and changes to their organisations' own.
	const editor = can(actor, 'moderation.review');
	const [all, vocabulary, mine, coming] = await Promise.all([
		listOrganizations(locals.db),
		eventVocabulary(locals.db, locals.locale),
		mySubmissions(locals.db, actor),
		comingEventsOf(locals.db, editor ? 'all' : actor.organizationIds, locals.locale)
	]);
	const own =
		actor.role === 'partner' ? all.filter((o) => actor.organizationIds.includes(o.id)) : all;
	return {
		editor,
		coming,
		done: url.searchParams.get('gjort'),
		organizations: own.map((o) => ({ id: o.id, name: o.name })),
		...vocabulary,
		pending: mine.filter((s) => s.entityType === 'event').map(({ changes: _changes, ...s }) => s),
		sent: url.searchParams.get('sendt')
	};
};

export const actions: Actions = {
	propose: proposalAction('/admin/arrangementer', ({ locals }, actor, form) =>
		submitEventForm(locals.db, actor, form, locals.locale)
	),
	cancel: async (event) => {
		const actor = requireCan(event.locals, 'moderation.review');
		const form = await readForm(event);
		const id = field(form, 'eventId') ?? '';
		const cancelled = field(form, 'cancelled') === '1';
		if (!/^[0-9a-f-]{36}$/.test(id)) return formFailure(400, { message: msg('field_required') });
		try {
			await setEventCancelled(event.locals.db, actor.id, id, cancelled);
		} catch {
			return formFailure(404, { message: msg('field_required') });
		}
		redirect(
			303,
			`${localizedPath('/admin/arrangementer', event.locals.locale)}?gjort=${cancelled ? 'aflyst' : 'genoptaget'}`
		);
	}
};

import { proposalAction } from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import { postingVocabulary, submitPostingForm } from '$lib/server/http/posting-form.ts';
import { listOrganizations } from '$lib/server/directory/index.ts';
import { mySubmissions } from '$lib/server/moderation/index.ts';
import { OPPORTUNITY_TYPES, opportunitiesOf } from '$lib/server/opportunities/index.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireCan(locals, 'submissions.create');
	const all = await listOrganizations(locals.db);
	const organizations = (
		actor.role === 'partner' ? all.filter((o) => actor.organizationIds.includes(o.id)) : all
	).map((o) => ({ id: o.id, name: o.name }));
	const [archive, mine] = await Promise.all([
		opportunitiesOf(locals.db, actor.role === 'partner' ? actor.organizationIds : []),
		mySubmissions(locals.db, actor)
	]);
	return {
		organizations,
		types: OPPORTUNITY_TYPES,
		...(await postingVocabulary(locals.db, locals.locale)),
		archive: archive.map((o) => ({
			slug: o.slug,
			title: o.title.da,
			deadline: o.deadline,
			open: o.open
		})),
		pending: mine
			.filter((s) => s.entityType === 'opportunity')
			.map(({ changes: _changes, ...s }) => s),
		sent: url.searchParams.has('sendt')
	};
};

export const actions: Actions = {
	default: proposalAction('/admin/opslag', ({ locals }, actor, form) =>
		submitPostingForm(locals.db, actor, form, locals.locale)
	)
};

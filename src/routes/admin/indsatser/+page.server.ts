import { redirect } from '@sveltejs/kit';
import { msg } from '$lib/i18n/message.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { can } from '$lib/server/accounts/index.ts';
import {
	formatImportProblems,
	importInitiatives,
	initiativeCards
} from '$lib/server/followup/index.ts';
import { formFailure, readForm } from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import type { Actions, PageServerLoad } from './$types';

const MAX_UPLOAD_MB = 5;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = locals.actor;
	const staff = actor && can(actor, 'followup.read');
	if (!staff) requireCan(locals, 'updates.write');
	const { cards } = await initiativeCards(locals.db, locals.locale);
	const mine = staff ? cards : cards.filter((c) => actor!.organizationIds.includes(c.owner.id));
	return {
		initiatives: mine.map((c) => ({
			slug: c.slug,
			title: c.title,
			owner: c.owner.name,
			lifecycle: c.lifecycle,
			actions: c.actionCodes,
			health: c.health,
			progress: c.progress,
			isDemo: c.isDemo
		})),
		mayManage: can(actor, 'initiatives.manage'),
		/** The council reads every initiative; a partner only its organisations'. */
		readsAll: Boolean(staff),
		maxMb: MAX_UPLOAD_MB,
		imported: url.searchParams.get('importeret')?.split(',').map(Number) ?? null
	};
};

export const actions: Actions = {
	import: async (event) => {
		const actor = requireCan(event.locals, 'initiatives.manage');
		const form = await readForm(event);
		const file = form?.get('file');
		if (!(file instanceof File) || file.size === 0)
			return formFailure(400, { errors: { file: msg('upload_missing_file') } });
		if (file.size > MAX_UPLOAD_MB * 1024 * 1024)
			return formFailure(413, { errors: { file: msg('upload_too_large', { mb: MAX_UPLOAD_MB }) } });
		const outcome = await importInitiatives(
			event.locals.db,
			actor,
			new Uint8Array(await file.arrayBuffer()),
			{
				createOrganisations: form?.get('createOrganisations') === '1',
				language: event.locals.locale
			}
		);
		if (!outcome.ok) {
			const problems = formatImportProblems(outcome.problems, event.locals.locale).split('\n');
			return formFailure(422, {
				rejected: { problems: problems.slice(0, 200), more: Math.max(0, problems.length - 200) }
			});
		}
		redirect(
			303,
			`${localizedPath('/admin/indsatser', event.locals.locale)}?importeret=${outcome.created},${outcome.updated}`
		);
	}
};

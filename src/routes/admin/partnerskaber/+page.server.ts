import { redirect } from '@sveltejs/kit';
import { ZodError } from 'zod';
import { msg, type MessageKey } from '$lib/i18n/message.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { ForbiddenError } from '$lib/server/accounts/index.ts';
import { attempt, field, formFailure, namedFields, on, readForm } from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import { listOrganizations } from '$lib/server/directory/index.ts';
import {
	SubmissionNotFoundError,
	mySubmissions,
	submitPartnership
} from '$lib/server/moderation/index.ts';
import { PARTNERSHIP_KINDS } from '$lib/server/opportunities/index.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireCan(locals, 'submissions.create');
	const all = await listOrganizations(locals.db);
	const own =
		actor.role === 'partner' ? all.filter((o) => actor.organizationIds.includes(o.id)) : all;
	const mine = await mySubmissions(locals.db, actor);
	return {
		organizations: own.map((o) => ({ id: o.id, name: o.name })),
		// Partners are usually schools, but any organisation in the directory can take part.
		partners: all.map((o) => ({ code: o.id, label: o.name, kind: o.kind })),
		kinds: PARTNERSHIP_KINDS,
		pending: mine
			.filter((s) => s.entityType === 'partnership')
			.map(({ changes: _changes, ...s }) => s),
		sent: url.searchParams.has('sendt')
	};
};

const LABELS: Record<string, MessageKey> = {
	partnerIds: 'padmin_need_partner',
	kinds: 'padmin_need_kind',
	title: 'field_title_da',
	description: 'field_desc_da',
	contactEmail: 'padmin_contact_email'
};
/** A partner may not be the proposer itself; an unknown one is named as such. */
const REASONS: Record<string, MessageKey> = { partnerIds: 'padmin_need_partner' };

export const actions: Actions = {
	default: async (event) => {
		const actor = requireCan(event.locals, 'submissions.create');
		const form = await readForm(event);
		const text = (name: string) => (field(form, name) ?? '').trim();
		const list = (name: string) =>
			(form?.getAll(name) ?? []).filter((v): v is string => typeof v === 'string');
		const values = {
			...Object.fromEntries(
				[
					'organizationId',
					'titleDa',
					'titleEn',
					'descDa',
					'descEn',
					'programmes',
					'contactName',
					'contactEmail'
				].map((n) => [n, text(n).slice(0, 3000)])
			),
			// The boxes ticked, so a form sent back keeps them.
			kind: list('kind').join(','),
			partner: list('partner').join(',')
		};
		const done = await attempt(
			() =>
				submitPartnership(event.locals.db, actor, {
					organizationId: text('organizationId'),
					partnerIds: list('partner'),
					kinds: list('kind') as never,
					title: { da: text('titleDa'), en: text('titleEn') || undefined },
					description: { da: text('descDa'), en: text('descEn') || undefined },
					programmes: text('programmes')
						.split(',')
						.map((p) => p.trim())
						.filter(Boolean),
					contactName: text('contactName') || undefined,
					contactEmail: text('contactEmail') || undefined
				}),
			on(ForbiddenError, () => formFailure(403, { message: msg('admin_forbidden'), values })),
			on(SubmissionNotFoundError, () =>
				formFailure(403, { message: msg('admin_forbidden'), values })
			),
			on(ZodError, (error) =>
				formFailure(400, {
					message: msg('sub_invalid', {
						fields: namedFields(error, event.locals.locale, LABELS, REASONS)
					}),
					values
				})
			)
		);
		if (!done.ok) return done.failure;
		redirect(303, `${localizedPath('/admin/partnerskaber', event.locals.locale)}?sendt=1`);
	}
};

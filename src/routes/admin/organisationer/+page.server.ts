import { redirect } from '@sveltejs/kit';
import { localizedPath } from '$lib/i18n/routes.ts';
import { msg, type Msg } from '$lib/i18n/message.ts';
import {
	createOrganization,
	listOrganizations,
	organizationInput
} from '$lib/server/directory/index.ts';
import { field, formFailure, readForm } from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCan(locals, 'organizations.manage');
	const organizations = await listOrganizations(locals.db);
	return {
		organizations: organizations.map((o) => ({
			id: o.id,
			slug: o.slug,
			name: o.name,
			kind: o.kind,
			website: o.website,
			isDemo: o.isDemo
		})),
		created: url.searchParams.get('oprettet')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireCan(event.locals, 'organizations.manage');
		const form = await readForm(event);
		const values = {
			name: (field(form, 'name') ?? '').slice(0, 300),
			kind: field(form, 'kind') ?? '',
			website: (field(form, 'website') ?? '').slice(0, 600)
		};
		const parsed = organizationInput.safeParse({
			name: values.name,
			kind: values.kind,
			website: values.website.trim() || undefined
		});
		if (!parsed.success) {
			const errors: Record<string, Msg> = {};
			for (const issue of parsed.error.issues) {
				const name = String(issue.path[0]);
				errors[name] =
					name === 'website'
						? msg('website_invalid')
						: name === 'name'
							? msg('org_name_invalid')
							: msg('field_required');
			}
			return formFailure(400, { errors, values });
		}
		const created = await createOrganization(event.locals.db, actor.id, parsed.data);
		redirect(
			303,
			`${localizedPath('/admin/organisationer', event.locals.locale)}?oprettet=${encodeURIComponent(created.name)}`
		);
	}
};

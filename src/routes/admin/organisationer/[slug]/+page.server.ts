import { error, redirect } from '@sveltejs/kit';
import { localizedPath } from '$lib/i18n/routes.ts';
import { can } from '$lib/server/accounts/index.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import { readForm } from '$lib/server/http/forms.ts';
import { saveProfileForm } from '$lib/server/http/profile-form.ts';
import { organizationBySlug, organizationProfile } from '$lib/server/directory/index.ts';
import { feedsOf } from '$lib/server/events/index.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * The organisation if the actor may change its profile: an editor directly, a partner of the
 * organisation by proposal. Anyone else gets 404, so slugs cannot be probed.
 */
async function editable(locals: App.Locals, slug: string) {
	const actor = requireCan(locals, 'submissions.create');
	const organization = /^[a-z0-9-]{1,120}$/.test(slug)
		? await organizationBySlug(locals.db, slug)
		: undefined;
	if (!organization || !can(actor, 'submissions.create', { organizationId: organization.id }))
		error(404, 'Not found');
	const profile = await organizationProfile(locals.db, organization.id);
	return { actor, profile: profile!, direct: can(actor, 'organizations.manage') };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { profile, direct } = await editable(locals, params.slug);
	// Editors see when one of the organisation's calendar feeds failed (its reason on /admin/kalendere).
	const feedFailed =
		direct && (await feedsOf(locals.db, profile.organizationId)).some((f) => f.lastError);
	return {
		feedFailed,
		name: profile.name,
		slug: profile.slug,
		direct,
		logoUrl: profile.logoMediaId ? `/media/${profile.logoMediaId}` : null,
		saved: url.searchParams.get('gemt'),
		values: {
			descDa: profile.description?.da ?? '',
			descEn: profile.description?.en ?? '',
			website: profile.website ?? '',
			email: profile.email ?? ''
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, profile, direct } = await editable(event.locals, event.params.slug);
		const failure = await saveProfileForm(event.locals.db, actor, await readForm(event), {
			organizationId: profile.organizationId,
			direct
		});
		if (failure) return failure;
		redirect(
			303,
			`${localizedPath(`/admin/organisationer/${profile.slug}`, event.locals.locale)}?gemt=${direct ? 'offentlig' : 'sendt'}`
		);
	}
};

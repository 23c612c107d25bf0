import { redirect } from '@sveltejs/kit';
import { localizedPath } from '$lib/i18n/routes.ts';
import type { PageServerLoad } from './$types';

/** Every initiative is listed under its actions on the follow-up page. */
export const load: PageServerLoad = ({ locals }) => {
	redirect(308, localizedPath('/opfoelgning', locals.locale));
};

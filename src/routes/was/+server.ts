import { redirect } from '@sveltejs/kit';
import { localizedPath } from '$lib/i18n/routes.ts';
import type { RequestHandler } from './$types';

/** `/was` is the conventional short address of a Danish accessibility statement. */
export const GET: RequestHandler = ({ locals }) => {
	redirect(308, localizedPath('/tilgaengelighedserklaering', locals.locale));
};

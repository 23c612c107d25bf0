import { organizationsById } from '$lib/server/directory/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const orgs = await organizationsById(locals.db, locals.actor?.organizationIds ?? []);
	return { organizations: orgs.map((o) => o.name) };
};

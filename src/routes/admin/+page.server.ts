import { can } from '$lib/server/accounts/index.ts';
import { lastBackup } from '$lib/server/backup/index.ts';
import { organizationsById } from '$lib/server/directory/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const orgs = await organizationsById(locals.db, locals.actor?.organizationIds ?? []);
	// Administrators see at once whether the last backup worked.
	const backup =
		locals.actor && can(locals.actor, 'backups.manage')
			? ((await lastBackup(locals.db)) ?? { at: null, ok: false })
			: undefined;
	return {
		organizations: orgs.map((o) => o.name),
		backup: backup ? { at: backup.at, ok: backup.ok } : undefined
	};
};

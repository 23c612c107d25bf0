import { backupConfig, runBackup } from '$lib/server/app.ts';
import { recordAudit } from '$lib/server/audit/index.ts';
import { lastBackup, listBackups } from '$lib/server/backup/index.ts';
import { formFailure } from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import { msg } from '$lib/i18n/message.ts';
import { basename } from 'node:path';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireCan(locals, 'backups.manage');
	const settings = backupConfig();
	return {
		settings: { dir: settings.dir, hours: settings.hours, keep: settings.keep },
		embedded: locals.database.embedded,
		last: (await lastBackup(locals.db)) ?? null,
		files: await listBackups(settings.dir)
	};
};

export const actions: Actions = {
	take: async ({ locals }) => {
		const actor = requireCan(locals, 'backups.manage');
		const outcome = await runBackup(actor.id);
		if (outcome.ok === 'skipped') return formFailure(409, { message: msg('backups_skipped') });
		if (!outcome.ok)
			return formFailure(500, { message: msg('backups_failed', { error: outcome.error }) });
		const file = basename(outcome.result.file);
		await recordAudit(
			locals.db,
			{
				actor: actor.id,
				action: 'backup.taken',
				entityType: 'backup',
				entityId: file,
				details: { bytes: outcome.result.bytes, deleted: outcome.deleted }
			},
			{ publicContent: false }
		);
		return { taken: file };
	}
};

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import { backupConfig } from '$lib/server/app.ts';
import { recordAudit } from '$lib/server/audit/index.ts';
import { backupPath } from '$lib/server/backup/index.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import type { RequestHandler } from './$types';

/** One of the server's backup files, streamed; every download is in the audit log. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const actor = requireCan(locals, 'backups.manage');
	const path = backupPath(backupConfig().dir, params.name);
	const info = path ? await stat(path).catch(() => undefined) : undefined;
	if (!path || !info?.isFile()) error(404, 'Not found');
	await recordAudit(
		locals.db,
		{ actor: actor.id, action: 'backup.downloaded', entityType: 'backup', entityId: params.name },
		{ publicContent: false }
	);
	return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream, {
		headers: {
			'content-type': 'application/gzip',
			'content-length': String(info.size),
			'content-disposition': `attachment; filename="${params.name}"`,
			'cache-control': 'private, no-store'
		}
	});
};

import { error } from '@sveltejs/kit';
import { reportById } from '$lib/server/followup/index.ts';
import { reportFileResponse } from '$lib/server/http/council-report.ts';
import type { RequestHandler } from './$types';

/** A published council report's Word or PDF file. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const report = await reportById(locals.db, params.id, { publicOnly: true });
	if (!report) error(404, 'Not found');
	return reportFileResponse(report, params.file, 'public');
};

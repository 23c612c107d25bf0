import { error } from '@sveltejs/kit';
import { reportById } from '$lib/server/followup/index.ts';
import { reportFileResponse } from '$lib/server/http/council-report.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	requireCan(locals, 'followup.read');
	const report = await reportById(locals.db, params.id);
	if (!report) error(404, 'Not found');
	return reportFileResponse(report, params.file, 'private');
};

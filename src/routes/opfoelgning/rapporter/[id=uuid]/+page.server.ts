import { error } from '@sveltejs/kit';
import { reportById } from '$lib/server/followup/index.ts';
import { reportCharts } from '$lib/server/http/council-report.ts';
import type { PageServerLoad } from './$types';

/** A council report made public after the council's meeting. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const report = await reportById(locals.db, params.id, { publicOnly: true });
	if (!report) error(404, 'Not found');
	return { id: report.id, data: report.content, charts: reportCharts(report.content) };
};

import { error } from '@sveltejs/kit';
import { reportById } from '$lib/server/followup/index.ts';
import { reportCharts } from '$lib/server/http/council-report.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	requireCan(locals, 'followup.read');
	const report = await reportById(locals.db, params.id);
	if (!report) error(404, 'Not found');
	return {
		id: report.id,
		version: report.version,
		publishedAt: report.publishedAt,
		data: report.content,
		charts: reportCharts(report.content)
	};
};

import { error } from '@sveltejs/kit';
import { exportInitiatives } from '$lib/server/followup/index.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import type { RequestHandler } from './$types';

const TYPES = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	json: 'application/json'
} as const;

/** Every initiative in the import's columns, to edit in a spreadsheet and import again. */
export const GET: RequestHandler = async ({ params, locals }) => {
	requireCan(locals, 'followup.read');
	const format = params.format;
	if (format !== 'csv' && format !== 'xlsx' && format !== 'json') error(404, 'Not found');
	const bytes = await exportInitiatives(locals.db, format);
	return new Response(bytes as BodyInit, {
		headers: {
			'content-type': TYPES[format],
			'content-disposition': `attachment; filename="indsatser.${format}"`,
			'cache-control': 'private, no-store'
		}
	});
};

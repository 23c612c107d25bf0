import { json } from '@sveltejs/kit';
import { appDatabase, backupRunning } from '$lib/server/app.ts';
import { checkReadiness } from '$lib/server/health.ts';
import { importsInProgress } from '$lib/server/indicators/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const readiness = await checkReadiness(appDatabase, importsInProgress(), backupRunning());
	return json(readiness, {
		status: readiness.ready ? 200 : 503,
		headers: { 'cache-control': 'no-store' }
	});
};

import { json } from '@sveltejs/kit';
import { buildInfo } from '$lib/server/app.ts';
import type { RequestHandler } from './$types';

/**
 * Liveness: the process is up and answering, with its version and the migration level it
 * started with (read once at start, so this never waits for the database).
 */
export const GET: RequestHandler = () =>
	json({ status: 'ok', ...(buildInfo() ?? {}) }, { headers: { 'cache-control': 'no-store' } });

import { appConfig } from '$lib/server/app.ts';
import { metricsResponse } from '$lib/server/metrics/index.ts';
import type { RequestHandler } from './$types';

/** Prometheus metrics, only for a caller with METRICS_TOKEN as a bearer token. */
export const GET: RequestHandler = async ({ request }) => {
	const answer = await metricsResponse(
		request.headers.get('authorization'),
		appConfig().METRICS_TOKEN
	);
	return new Response(answer.body, { status: answer.status, headers: answer.headers });
};

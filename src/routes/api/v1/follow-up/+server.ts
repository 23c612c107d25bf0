import { json } from '@sveltejs/kit';
import type { ApiFollowUp } from '$lib/schemas/strategy-api.ts';
import { apiError } from '$lib/server/http/respond.ts';
import { cachedView } from '$lib/server/app.ts';
import { closedRounds, followUpView, type Rollup } from '$lib/server/followup/index.ts';
import type { RequestHandler } from './$types';

const figures = (r: Rollup) => ({
	initiatives: r.initiatives,
	progress: r.progress,
	health: r.health
});

/** The roll-up per guidepost and action: live, or a closed round's snapshot with ?round=<id>. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const roundId = url.searchParams.get('round') || undefined;
	if (roundId) {
		const rounds = await cachedView('follow-up:rounds', () => closedRounds(locals.db));
		if (!rounds.some((r) => r.id === roundId))
			return apiError(404, 'round: no closed reporting round has this id');
	}
	const view = await cachedView(`follow-up:da:${roundId ?? 'live'}`, () =>
		followUpView(locals.db, 'da', roundId)
	);
	if (!view) return apiError(404, 'No strategy is active.');
	const body: ApiFollowUp = {
		round: view.round
			? {
					id: view.round.id,
					name: view.round.name,
					deadline: view.round.deadline,
					closedAt: view.round.closedAt ? new Date(view.round.closedAt).toISOString() : null
				}
			: null,
		live: view.live,
		guideposts: view.guideposts.map((g) => ({
			slug: g.slug,
			...figures(g.rollup),
			actions: g.actions.map((a) => ({
				code: a.code,
				...figures(a.rollup),
				weightedBy: a.rollup.weightedBy
			}))
		}))
	};
	return json(body, { headers: { 'cache-control': 'public, max-age=60' } });
};

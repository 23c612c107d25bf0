import { error } from '@sveltejs/kit';
import { cachedView } from '$lib/server/app.ts';
import { closedRounds, followUpView, listReports } from '$lib/server/followup/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const rounds = await cachedView('follow-up:rounds', () => closedRounds(locals.db));
	const roundId = url.searchParams.get('runde') || undefined;
	if (roundId && !rounds.some((r) => r.id === roundId))
		error(404, 'runde: no closed reporting round has this id');
	const view = await cachedView(`follow-up:${locals.locale}:${roundId ?? 'live'}`, () =>
		followUpView(locals.db, locals.locale, roundId)
	);
	const reports = await cachedView('follow-up:reports', () =>
		listReports(locals.db, { publicOnly: true })
	);
	return { view: view ?? null, rounds, roundId: roundId ?? '', reports };
};

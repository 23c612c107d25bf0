import { m } from '$lib/paraglide/messages.js';
import { formatDate } from '$lib/format.ts';
import type { Locale } from './routes.ts';

/** An initiative's lifecycle in the reader's language. */
export function lifecycleName(lifecycle: string, locale?: Locale): string {
	const names: Record<string, (inputs: object, options: { locale?: Locale }) => string> = {
		planlagt: m.lifecycle_planlagt,
		'i-gang': m.lifecycle_i_gang,
		afsluttet: m.lifecycle_afsluttet,
		stoppet: m.lifecycle_stoppet
	};
	const name = names[lifecycle];
	return name ? name({}, locale ? { locale } : {}) : lifecycle;
}

interface RollupLike {
	initiatives: number;
	lifecycle: Record<string, number>;
	health: { green: number; yellow: number; red: number; none: number };
	progress: number | null;
	weightedBy: 'budget' | 'count';
}

/** "Indsatser: 3 (2 i gang, 1 planlagt). Grøn 1, gul 1, rød 0, uden status 1. Fremdrift 45 % (gennemsnit)." */
export function rollupSummary(rollup: RollupLike, locale: Locale): string {
	if (rollup.initiatives === 0) return m.rollup_none({}, { locale });
	const progress = (rollup.progress ?? 0).toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', {
		maximumFractionDigits: 0
	});
	return m.rollup_summary(
		{
			count: rollup.initiatives,
			// "2 i gang, 1 planlagt": the stages that have any initiatives.
			lifecycles: Object.entries(rollup.lifecycle)
				.filter(([, n]) => n > 0)
				.map(([stage, n]) => `${n} ${lifecycleName(stage, locale).toLowerCase()}`)
				.join(', '),
			green: rollup.health.green,
			yellow: rollup.health.yellow,
			red: rollup.health.red,
			none: rollup.health.none,
			progress,
			weighting:
				rollup.weightedBy === 'budget'
					? m.rollup_by_budget({}, { locale })
					: m.rollup_by_count({}, { locale })
		},
		{ locale }
	);
}

/** Whether a round is open, overdue or closed, in words. */
export function roundState(
	round: { deadline: string; closedAt: Date | string | null },
	locale: Locale,
	today = new Date().toISOString().slice(0, 10)
): string {
	if (round.closedAt)
		return m.rounds_closed(
			{ date: formatDate(new Date(round.closedAt).toISOString().slice(0, 10), locale) },
			{ locale }
		);
	return round.deadline < today ? m.rounds_overdue({}, { locale }) : m.rounds_open({}, { locale });
}

/** The state of an owner's update in a round, in words: missing, submitted, returned, approved. */
export function updateStateName(state: 'submitted' | 'returned' | 'approved' | null): string {
	if (state === 'submitted') return m.update_state_submitted();
	if (state === 'returned') return m.update_state_returned();
	if (state === 'approved') return m.update_state_approved();
	return m.update_state_missing();
}

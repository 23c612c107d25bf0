import { desc, eq, lt, sql, and, isNotNull } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/index.ts';
import {
	indicatorChartSvg,
	indicatorOverview,
	indicatorPageView,
	type StatusCode
} from '../indicators/index.ts';
import { getActiveStrategy } from '../strategy/index.ts';
import { LIFECYCLE_DA } from '../../report-words.ts';
import { rollUp } from './rollup.ts';
import { reportingRounds, type Health, type Lifecycle, type RoundSnapshot } from './schema.ts';

/** Everything a council report shows, frozen when it is built: the files are made from this. */
export interface ReportData {
	strategy: { title: string; municipality: string; period: string };
	round: { id: string; name: string; deadline: string; closedAt: string };
	previousRound: { name: string } | null;
	builtAt: string;
	isDemo: boolean;
	summary: {
		guideposts: {
			number: number;
			title: string;
			initiatives: number;
			health: { green: number; yellow: number; red: number; none: number };
			progress: number | null;
		}[];
		indicators: Partial<Record<StatusCode, number>>;
	};
	guideposts: {
		number: number;
		title: string;
		indicators: {
			code: string;
			title: string;
			status: StatusCode;
			statusReason: string;
			latest: { period: string; value: number } | null;
			unit: 'percent' | 'count' | 'rate';
			/** The chart as SVG, and a text for those who cannot see it. */
			chartSvg: string | null;
			chartAlt: string;
			isDemo: boolean;
		}[];
		initiatives: ReportInitiative[];
	}[];
	/** Open (planned or under way) in the previous round and not asked in this one. */
	ended: { title: string; owner: string; lifecycle: Lifecycle }[];
	/** Asked in this round, without an approved update when it closed. */
	missing: { title: string; owner: string }[];
}

export interface ReportInitiative {
	title: string;
	owner: string;
	actions: string[];
	lifecycle: Lifecycle;
	health: Health | null;
	progress: number;
	update: { done: string; next: string; remedy: string | null } | null;
	/** What changed since the previous round, in plain Danish. */
	changes: string[];
}

const HEALTH_DA: Record<Health, string> = { green: 'grøn', yellow: 'gul', red: 'rød' };

/** The data of a council report for a closed round, read now and never again. */
export async function reportData(db: Db, roundId: string, now = new Date()): Promise<ReportData> {
	const [round] = await db.select().from(reportingRounds).where(eq(reportingRounds.id, roundId));
	if (!round?.closedAt || !round.snapshot) throw new Error('A report is built from a closed round');
	const [previous] = await db
		.select()
		.from(reportingRounds)
		.where(and(isNotNull(reportingRounds.closedAt), lt(reportingRounds.closedAt, round.closedAt)))
		.orderBy(desc(reportingRounds.closedAt))
		.limit(1);
	const strategy = await getActiveStrategy(db, 'da');
	if (!strategy) throw new Error('No strategy is active');

	const ids = [
		...new Set([
			...round.snapshot.initiatives.map((i) => i.id),
			...(previous?.snapshot?.initiatives.map((i) => i.id) ?? [])
		])
	];
	const rows = rowsOf<{
		id: string;
		title: string;
		owner: string;
		action_codes: string[];
		lifecycle: Lifecycle;
		budget_ore: string | number | null;
		is_demo: boolean;
	}>(
		await db.execute(sql`
			select i.id, i.title->>'da' as title, o.name as owner, i.action_codes, i.lifecycle, i.budget_ore, i.is_demo
			from initiatives i join organizations o on o.id = i.owner_id
			where i.id = any(${sql.param(ids.length ? ids : ['00000000-0000-0000-0000-000000000000'])}::uuid[])
			order by i.title->>'da'`)
	);
	const updates = rowsOf<{
		initiative_id: string;
		done: string;
		next: string;
		remedy: string | null;
	}>(
		await db.execute(sql`
			select initiative_id, done, next, remedy from initiative_updates
			where round_id = ${roundId} and state = 'approved'`)
	);
	const updateOf = new Map(updates.map((u) => [u.initiative_id, u]));
	const byId = new Map(rows.map((r) => [r.id, r]));
	const frozen = new Map(round.snapshot.initiatives.map((s) => [s.id, s]));
	const before = new Map<string, RoundSnapshot['initiatives'][number]>(
		previous?.snapshot?.initiatives.map((s) => [s.id, s]) ?? []
	);

	const initiativeOf = (id: string): ReportInitiative | undefined => {
		const row = byId.get(id);
		const now = frozen.get(id);
		if (!row || !now) return undefined;
		const then = before.get(id);
		const changes: string[] = [];
		if (previous && !then) changes.push('Ny siden sidste statusrunde.');
		if (then && then.health !== now.health && now.health)
			changes.push(
				then.health
					? `Status ændret fra ${HEALTH_DA[then.health]} til ${HEALTH_DA[now.health]}.`
					: `Status er ${HEALTH_DA[now.health]}; der var ingen status sidst.`
			);
		if (then && now.milestonesDone > then.milestonesDone)
			changes.push(
				now.milestonesDone - then.milestonesDone === 1
					? 'Én milepæl er nået siden sidst.'
					: `${now.milestonesDone - then.milestonesDone} milepæle er nået siden sidst.`
			);
		if (then && then.lifecycle !== now.lifecycle)
			changes.push(
				`Fase ændret fra ${LIFECYCLE_DA[then.lifecycle]} til ${LIFECYCLE_DA[now.lifecycle]}.`
			);
		const update = updateOf.get(id);
		return {
			title: row.title,
			owner: row.owner,
			actions: row.action_codes,
			lifecycle: now.lifecycle,
			health: now.health,
			progress: now.progress,
			update: update ? { done: update.done, next: update.next, remedy: update.remedy } : null,
			changes
		};
	};

	const cards = await indicatorOverview(db, strategy);
	const statusOf = new Map(cards.map((c) => [c.indicator.code, c]));
	const guideposts: ReportData['guideposts'] = [];
	for (const g of strategy.guideposts) {
		const codes = new Set(g.actions.map((a) => a.code));
		const mine = round.snapshot.initiatives
			.filter((s) => byId.get(s.id)?.action_codes.some((c) => codes.has(c)))
			.map((s) => initiativeOf(s.id)!)
			.filter(Boolean)
			.sort((a, b) => a.title.localeCompare(b.title, 'da'));
		const indicators: ReportData['guideposts'][number]['indicators'] = [];
		for (const indicator of g.indicators) {
			const card = statusOf.get(indicator.code);
			const view = await indicatorPageView(
				db,
				strategy,
				indicator.code,
				new URLSearchParams(),
				'da'
			);
			const latest = card?.status.latest ?? null;
			indicators.push({
				code: indicator.code,
				title: indicator.title,
				status: card?.status.status ?? 'not-enough-data',
				statusReason: card?.status.reason.da ?? '',
				latest,
				unit: indicator.unit,
				chartSvg: view ? ((await indicatorChartSvg(view)) ?? null) : null,
				chartAlt: chartAlt(indicator.title, card?.series ?? [], indicator.unit),
				isDemo: card?.isDemo ?? false
			});
		}
		guideposts.push({ number: g.number, title: g.title, indicators, initiatives: mine });
	}

	const summaryIndicators: ReportData['summary']['indicators'] = {};
	for (const g of guideposts)
		for (const i of g.indicators)
			summaryIndicators[i.status] = (summaryIndicators[i.status] ?? 0) + 1;

	return {
		strategy: {
			title: strategy.title,
			municipality: strategy.municipality.name,
			period: `${strategy.period.start}-${strategy.period.end}`
		},
		round: {
			id: round.id,
			name: round.name,
			deadline: round.deadline,
			closedAt: round.closedAt.toISOString()
		},
		previousRound: previous ? { name: previous.name } : null,
		builtAt: now.toISOString(),
		isDemo: round.isDemo || rows.some((r) => r.is_demo),
		summary: {
			guideposts: strategy.guideposts.map((g) => {
				const codes = new Set(g.actions.map((a) => a.code));
				const items = round
					.snapshot!.initiatives.filter((s) =>
						byId.get(s.id)?.action_codes.some((c) => codes.has(c))
					)
					.map((s) => ({
						lifecycle: s.lifecycle,
						health: s.health,
						progress: s.progress,
						budgetOre:
							byId.get(s.id)!.budget_ore === null ? null : Number(byId.get(s.id)!.budget_ore)
					}));
				const r = rollUp(items);
				return {
					number: g.number,
					title: g.title,
					initiatives: r.initiatives,
					health: r.health,
					progress: r.progress
				};
			}),
			indicators: summaryIndicators
		},
		guideposts,
		ended: [...before.keys()]
			.filter((id) => !frozen.has(id) && byId.has(id))
			.map((id) => ({
				title: byId.get(id)!.title,
				owner: byId.get(id)!.owner,
				lifecycle: byId.get(id)!.lifecycle
			})),
		missing: round.snapshot.initiatives
			.filter((s) => !updateOf.has(s.id) && byId.has(s.id))
			.map((s) => ({ title: byId.get(s.id)!.title, owner: byId.get(s.id)!.owner }))
			.sort((a, b) => a.title.localeCompare(b.title, 'da'))
	};
}

/** A chart's numbers in words: first and latest value, for alt text in the Word file. */
function chartAlt(
	title: string,
	series: { period: string; value: number | null }[],
	unit: 'percent' | 'count' | 'rate'
): string {
	const known = series.filter((p) => p.value !== null);
	if (known.length === 0) return `Graf: ${title}. Der er ingen tal endnu.`;
	const fmt = (v: number) =>
		`${v.toLocaleString('da-DK', { maximumFractionDigits: 1 })}${unit === 'percent' ? ' %' : ''}`;
	const first = known[0]!;
	const last = known.at(-1)!;
	return `Graf: ${title} for kommunen fra ${first.period} til ${last.period}: ${fmt(first.value!)} i ${first.period} og ${fmt(last.value!)} i ${last.period}.`;
}

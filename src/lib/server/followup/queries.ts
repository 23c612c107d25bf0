import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/index.ts';
import { indicatorOverview, type StatusCode } from '../indicators/index.ts';
import { getActiveStrategy, type Locale } from '../strategy/index.ts';
import { effectiveProgress, rollUp, type Rollup } from './rollup.ts';
import { milestoneCounts } from './rounds.ts';
import {
	initiatives,
	reportingRounds,
	type Health,
	type Lifecycle,
	type RoundSnapshot
} from './schema.ts';

type Text = { da: string; en?: string };

/** Text in the reader's language, and the language it is actually in (Danish when untranslated). */
export interface Shown {
	text: string;
	lang: Locale;
}
function shown(value: Text | null | undefined, locale: Locale): Shown {
	if (locale === 'en' && value?.en) return { text: value.en, lang: 'en' };
	return { text: value?.da ?? '', lang: 'da' };
}

export interface ApprovedUpdate {
	roundId: string;
	roundName: string;
	health: Health;
	progress: number;
	done: string;
	next: string;
	remedy: string | null;
	approvedAt: Date;
}

export interface InitiativeCard {
	id: string;
	slug: string;
	title: Shown;
	owner: { id: string; name: string; slug: string };
	actionCodes: string[];
	indicatorCodes: string[];
	lifecycle: Lifecycle;
	health: Health | null;
	progress: number;
	budgetOre: number | null;
	isDemo: boolean;
	updatedAt: Date;
	/** The newest approved update (of the round shown, for a round's snapshot). */
	update: ApprovedUpdate | null;
}

interface InitiativeRow {
	id: string;
	slug: string;
	title: Text;
	owner_id: string;
	owner_name: string;
	owner_slug: string;
	action_codes: string[];
	indicator_codes: string[];
	lifecycle: Lifecycle;
	progress: number;
	budget_ore: string | number | null;
	is_demo: boolean;
	updated_at: string | Date;
}

interface UpdateRow {
	initiative_id: string;
	round_id: string;
	round_name: string;
	health: Health;
	progress: number;
	done: string;
	next: string;
	remedy: string | null;
	reviewed_at: string | Date;
}

function approved(r: UpdateRow): ApprovedUpdate {
	return {
		roundId: r.round_id,
		roundName: r.round_name,
		health: r.health,
		progress: r.progress,
		done: r.done,
		next: r.next,
		remedy: r.remedy,
		approvedAt: new Date(r.reviewed_at)
	};
}

/**
 * Every initiative as the public sees it: live (each with its newest approved update), or as a
 * closed round froze it (`roundId`: the round's initiatives, states and approved updates).
 */
export async function initiativeCards(
	db: Db,
	locale: Locale,
	roundId?: string
): Promise<{ cards: InitiativeCard[]; round: RoundSummary | null }> {
	let snapshot: RoundSnapshot | null = null;
	let round: RoundSummary | null = null;
	if (roundId) {
		const [row] = await db.select().from(reportingRounds).where(eq(reportingRounds.id, roundId));
		if (!row?.snapshot) return { cards: [], round: null };
		snapshot = row.snapshot;
		round = summary(row);
	} else round = await latestClosedRound(db);
	const rows = rowsOf<InitiativeRow>(
		await db.execute(sql`
			select i.id, i.slug, i.title, o.id as owner_id, o.name as owner_name, o.slug as owner_slug, i.action_codes,
				i.indicator_codes, i.lifecycle, i.progress, i.budget_ore, i.is_demo, i.updated_at
			from initiatives i join organizations o on o.id = i.owner_id
			order by i.title->>'da'`)
	);
	const updates = rowsOf<UpdateRow>(
		await db.execute(sql`
			select distinct on (u.initiative_id) u.initiative_id, u.round_id, r.name as round_name,
				u.health, u.progress, u.done, u.next, u.remedy, u.reviewed_at
			from initiative_updates u join reporting_rounds r on r.id = u.round_id
			where u.state = 'approved' ${roundId ? sql`and u.round_id = ${roundId}` : sql``}
			order by u.initiative_id, u.reviewed_at desc`)
	);
	const updateOf = new Map(updates.map((u) => [u.initiative_id, approved(u)]));
	const frozen = new Map(snapshot?.initiatives.map((s) => [s.id, s]));
	const steps = await milestoneCounts(
		db,
		rows.map((r) => r.id)
	);
	const cards: InitiativeCard[] = [];
	for (const r of rows) {
		if (snapshot && !frozen.has(r.id)) continue;
		const state = frozen.get(r.id);
		const update = updateOf.get(r.id) ?? null;
		cards.push({
			id: r.id,
			slug: r.slug,
			title: shown(r.title, locale),
			owner: { id: r.owner_id, name: r.owner_name, slug: r.owner_slug },
			actionCodes: r.action_codes,
			indicatorCodes: r.indicator_codes,
			lifecycle: state?.lifecycle ?? r.lifecycle,
			health: state ? state.health : (update?.health ?? null),
			progress:
				state?.progress ?? effectiveProgress(r.progress, steps.get(r.id) ?? { total: 0, done: 0 }),
			budgetOre: r.budget_ore === null ? null : Number(r.budget_ore),
			isDemo: r.is_demo,
			updatedAt: new Date(r.updated_at),
			update
		});
	}
	return { cards, round };
}

export interface RoundSummary {
	id: string;
	name: string;
	deadline: string;
	closedAt: Date | null;
	isDemo: boolean;
}

function summary(row: typeof reportingRounds.$inferSelect): RoundSummary {
	return {
		id: row.id,
		name: row.name,
		deadline: row.deadline,
		closedAt: row.closedAt,
		isDemo: row.isDemo
	};
}

async function latestClosedRound(db: Db): Promise<RoundSummary | null> {
	const [row] = await db
		.select()
		.from(reportingRounds)
		.where(sql`${reportingRounds.closedAt} is not null`)
		.orderBy(sql`${reportingRounds.closedAt} desc`)
		.limit(1);
	return row ? summary(row) : null;
}

/** Closed rounds, newest first: the snapshots a reader can choose between. */
export async function closedRounds(db: Db): Promise<RoundSummary[]> {
	const rows = await db
		.select()
		.from(reportingRounds)
		.where(sql`${reportingRounds.closedAt} is not null`)
		.orderBy(sql`${reportingRounds.closedAt} desc`);
	return rows.map(summary);
}

export interface IndicatorStatusLine {
	code: string;
	title: string;
	status: StatusCode;
	isDemo: boolean;
}

export interface FollowUpView {
	round: RoundSummary | null;
	/** Live figures, or the frozen snapshot of `round`. */
	live: boolean;
	anyDemo: boolean;
	guideposts: {
		slug: string;
		number: number;
		title: string;
		rollup: Rollup;
		actions: {
			code: string;
			text: string;
			rollup: Rollup;
			initiatives: InitiativeCard[];
			/** The indicators this action's initiatives aim to move, with their status. */
			indicators: IndicatorStatusLine[];
		}[];
	}[];
}

/** Guidepost → action → initiatives, with roll-ups: the public follow-up page and its API. */
export async function followUpView(
	db: Db,
	locale: Locale,
	roundId?: string
): Promise<FollowUpView | undefined> {
	const strategy = await getActiveStrategy(db, locale);
	if (!strategy) return undefined;
	const { cards, round } = await initiativeCards(db, locale, roundId);
	const statuses = new Map(
		(await indicatorOverview(db, strategy)).map((c) => [
			c.indicator.code,
			{
				code: c.indicator.code,
				title: c.indicator.title,
				status: c.status.status,
				isDemo: c.isDemo
			}
		])
	);
	return {
		round,
		live: !roundId,
		anyDemo: cards.some((c) => c.isDemo) || Boolean(round?.isDemo),
		guideposts: strategy.guideposts.map((g) => {
			const actions = g.actions.map((a) => {
				const mine = cards.filter((c) => c.actionCodes.includes(a.code));
				const indicatorCodes = [...new Set(mine.flatMap((c) => c.indicatorCodes))].sort();
				return {
					code: a.code,
					text: a.text,
					rollup: rollUp(mine),
					initiatives: mine,
					indicators: indicatorCodes.flatMap((code) => statuses.get(code) ?? [])
				};
			});
			const codes = new Set(g.actions.map((a) => a.code));
			return {
				slug: g.slug,
				number: g.number,
				title: g.title,
				rollup: rollUp(cards.filter((c) => c.actionCodes.some((code) => codes.has(code)))),
				actions
			};
		})
	};
}

export interface InitiativePage {
	card: InitiativeCard;
	description: Shown;
	responsible: string | null;
	startDate: string | null;
	endDate: string | null;
	partners: { name: string; slug: string }[];
	milestones: { title: string; dueDate: string | null; doneDate: string | null }[];
	/** Approved updates, newest first. */
	timeline: ApprovedUpdate[];
	actions: { code: string; text: string; guidepost: { slug: string; number: number } }[];
	indicators: { code: string; title: string }[];
	offers: { slug: string; name: Shown }[];
	postings: { slug: string; title: Shown }[];
	partnerships: { slug: string; title: Shown }[];
}

/** One initiative with everything its public page shows; approved updates only. */
export async function initiativePage(
	db: Db,
	locale: Locale,
	slug: string
): Promise<InitiativePage | undefined> {
	const [row] = await db.select().from(initiatives).where(eq(initiatives.slug, slug));
	if (!row) return undefined;
	const { cards } = await initiativeCards(db, locale);
	const card = cards.find((c) => c.id === row.id)!;
	const strategy = await getActiveStrategy(db, locale);
	const named = <T>(q: ReturnType<typeof sql>) => db.execute(q).then((r) => rowsOf<T>(r));
	const [partners, steps, timeline, offers, postings, partnerships] = await Promise.all([
		named<{ name: string; slug: string }>(
			sql`select name, slug from organizations where id = any(${sql.param(row.partnerIds)}::uuid[]) order by name`
		),
		named<{ title: string; due_date: string | null; done_date: string | null }>(
			sql`select title, due_date, done_date from initiative_milestones where initiative_id = ${row.id} order by position`
		),
		named<UpdateRow>(sql`
			select u.initiative_id, u.round_id, r.name as round_name, u.health, u.progress, u.done, u.next,
				u.remedy, u.reviewed_at
			from initiative_updates u join reporting_rounds r on r.id = u.round_id
			where u.initiative_id = ${row.id} and u.state = 'approved' order by u.reviewed_at desc`),
		named<{ slug: string; name: Text }>(
			sql`select slug, name from offers where id = any(${sql.param(row.offerIds)}::uuid[]) order by name->>'da'`
		),
		named<{ slug: string; title: Text }>(
			sql`select slug, title from opportunities where id = any(${sql.param(row.opportunityIds)}::uuid[]) and expires_at > now() order by title->>'da'`
		),
		named<{ slug: string; title: Text }>(
			sql`select slug, title from partnerships where id = any(${sql.param(row.partnershipIds)}::uuid[]) order by title->>'da'`
		)
	]);
	const guideposts = strategy?.guideposts ?? [];
	return {
		card,
		description: shown(row.description, locale),
		responsible: row.responsible,
		startDate: row.startDate,
		endDate: row.endDate,
		partners,
		milestones: steps.map((s) => ({ title: s.title, dueDate: s.due_date, doneDate: s.done_date })),
		timeline: timeline.map(approved),
		actions: row.actionCodes.flatMap((code) => {
			const g = guideposts.find((g) => g.actions.some((a) => a.code === code));
			const a = g?.actions.find((a) => a.code === code);
			return g && a ? [{ code, text: a.text, guidepost: { slug: g.slug, number: g.number } }] : [];
		}),
		indicators: row.indicatorCodes.flatMap((code) => {
			const i = guideposts.flatMap((g) => g.indicators).find((i) => i.code === code);
			return i ? [{ code, title: i.title }] : [];
		}),
		offers: offers.map((o) => ({ slug: o.slug, name: shown(o.name, locale) })),
		postings: postings.map((p) => ({ slug: p.slug, title: shown(p.title, locale) })),
		partnerships: partnerships.map((p) => ({ slug: p.slug, title: shown(p.title, locale) }))
	};
}

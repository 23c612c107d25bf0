import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { formatDate } from '../../format.ts';
import { localizedPath } from '../../i18n/routes.ts';
import type { Db } from '../db/index.ts';
import { nearIsAddress } from '../search/index.ts';
import { logger } from '../log.ts';
import type { Mail, Mailer } from '../mail/index.ts';
import {
	opportunityQuery,
	searchOpportunities,
	type OpportunityHit,
	type OpportunityQuery
} from './search.ts';
import { jobAlerts } from './schema.ts';

/** Days a confirmation link works; unconfirmed requests are deleted after that. */
export const CONFIRM_DAYS = 7;
/** Saved searches one address may have (confirmed or waiting). */
export const MAX_ALERTS_PER_ADDRESS = 10;
/** An alert mails at most this often. */
export const ALERT_INTERVAL_HOURS = 24;
/** Postings listed in one mail; the rest are behind the search link. */
const LISTED = 10;

type Locale = 'da' | 'en';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const alertAddress = z
	.string()
	.trim()
	.toLowerCase()
	.pipe(z.email({ error: 'must be an e-mail address' }).max(254));

/** What a saved search keeps: the filters, not the page or the order. */
export const savedSearch = opportunityQuery
	.omit({ page: true, sort: true })
	// Mailed about daily for months: no reader's address is kept for that, and looked up again.
	.refine((search) => !nearIsAddress(search.near), {
		message: 'a saved search measures distance from a postcode, not an address',
		path: ['near']
	});

/** The job board's URL query for a saved search (its links in mails and pages). */
export function searchQueryString(search: z.infer<typeof savedSearch>): string {
	const p = new URLSearchParams();
	if (search.q) p.set('q', search.q);
	for (const t of search.type) p.append('type', t);
	for (const f of search.field) p.append('field', f);
	for (const l of search.level) p.append('level', l);
	for (const a of search.area) p.append('area', a);
	if (search.englishFriendly) p.set('english', '1');
	if (search.maxHours !== undefined) p.set('hours', String(search.maxHours));
	if (search.deadlineFrom) p.set('deadline', search.deadlineFrom);
	if (search.near) p.set('near', search.near);
	if (search.km !== undefined) p.set('km', String(search.km));
	return p.toString();
}

function searchUrl(baseUrl: string, locale: Locale, queryString: string): string {
	return `${baseUrl}${localizedPath('/job', locale)}${queryString ? `?${queryString}` : ''}`;
}

function linkUrl(baseUrl: string, locale: Locale, path: string, token: string): string {
	return `${baseUrl}${localizedPath(path, locale)}?t=${token}`;
}

/**
 * Asks to be mailed about new postings for a search. Nothing is mailed about postings until
 * the address confirms through the link sent now (double opt-in). The answer is the same
 * whether or not the address already has alerts, so the form tells nobody who signed up.
 */
export async function requestAlert(
	db: Db,
	mailer: Mailer,
	baseUrl: string,
	input: { email: string; search: OpportunityQuery; locale: Locale },
	now = new Date()
): Promise<void> {
	const email = alertAddress.parse(input.email);
	const search = savedSearch.parse(input.search);
	const [{ n }] = (await db
		.select({ n: sql<number>`count(*)::int` })
		.from(jobAlerts)
		.where(eq(jobAlerts.email, email))) as [{ n: number }];
	if (n >= MAX_ALERTS_PER_ADDRESS) {
		logger.info('job alert not created: the address has the most alerts allowed');
		return;
	}
	const confirm = newToken();
	const queryString = searchQueryString(search);
	await db.insert(jobAlerts).values({
		email,
		search,
		queryString,
		locale: input.locale,
		confirmTokenHash: sha256(confirm),
		unsubscribeToken: newToken(),
		createdAt: now
	});
	await mailer.send(
		db,
		confirmationMail(
			email,
			input.locale,
			linkUrl(baseUrl, input.locale, '/job/besked/bekraeft', confirm),
			searchUrl(baseUrl, input.locale, queryString)
		)
	);
}

export interface AlertView {
	id: string;
	queryString: string;
	search: z.infer<typeof savedSearch>;
	locale: Locale;
	confirmed: boolean;
}

function view(row: typeof jobAlerts.$inferSelect): AlertView {
	return {
		id: row.id,
		queryString: row.queryString,
		search: savedSearch.parse(row.search),
		locale: row.locale,
		confirmed: row.confirmedAt !== null
	};
}

/** The alert a confirmation link is for, while the link works. */
export async function alertToConfirm(db: Db, token: string, now = new Date()) {
	if (!TOKEN.test(token)) return undefined;
	const [row] = await db
		.select()
		.from(jobAlerts)
		.where(
			and(
				eq(jobAlerts.confirmTokenHash, sha256(token)),
				sql`${jobAlerts.createdAt} > ${new Date(now.getTime() - CONFIRM_DAYS * 86_400_000).toISOString()}::timestamptz`
			)
		);
	return row ? view(row) : undefined;
}

/**
 * Confirms an alert: from now on it mails about postings published after this moment. The
 * link works once. Gives the alert's unsubscribe token (the confirmation page links to it),
 * or undefined for a used, expired or unknown link.
 */
export async function confirmAlert(
	db: Db,
	token: string,
	now = new Date()
): Promise<{ unsubscribeToken: string } | undefined> {
	const alert = await alertToConfirm(db, token, now);
	if (!alert) return undefined;
	const [updated] = await db
		.update(jobAlerts)
		.set({ confirmTokenHash: null, confirmedAt: now, seenUntil: now })
		.where(and(eq(jobAlerts.id, alert.id), eq(jobAlerts.confirmTokenHash, sha256(token))))
		.returning({ unsubscribeToken: jobAlerts.unsubscribeToken });
	return updated;
}

/** The alert an unsubscribe link is for. */
export async function alertToUnsubscribe(db: Db, token: string) {
	if (!TOKEN.test(token)) return undefined;
	const [row] = await db.select().from(jobAlerts).where(eq(jobAlerts.unsubscribeToken, token));
	return row ? view(row) : undefined;
}

/** Ends an alert and deletes the address with it. True when there was one. */
export async function unsubscribeAlert(db: Db, token: string): Promise<boolean> {
	if (!TOKEN.test(token)) return false;
	const deleted = await db
		.delete(jobAlerts)
		.where(eq(jobAlerts.unsubscribeToken, token))
		.returning({ id: jobAlerts.id });
	if (deleted.length) logger.info({ alert: deleted[0]!.id }, 'job alert unsubscribed');
	return deleted.length > 0;
}

/**
 * Mails every confirmed alert that has news: postings published since it last looked, open
 * now and matching its search. At most one mail per alert per day. Safe to run from several
 * processes at once: an alert is claimed by moving its `seenUntil` with a conditional update
 * before its mail is sent, so no two processes send the same news. Also deletes unconfirmed
 * requests whose link has expired.
 */
export async function sendJobAlerts(
	db: Db,
	mailer: Mailer,
	baseUrl: string,
	now = new Date()
): Promise<{ checked: number; mailed: number; expired: number }> {
	const expired = await pruneUnconfirmedAlerts(db, now);
	const due = await db
		.select()
		.from(jobAlerts)
		.where(
			and(
				isNotNull(jobAlerts.confirmedAt),
				or(
					isNull(jobAlerts.lastSentAt),
					lt(jobAlerts.lastSentAt, new Date(now.getTime() - ALERT_INTERVAL_HOURS * 3_600_000))
				)
			)
		);
	let mailed = 0;
	for (const alert of due) {
		const seenUntil = alert.seenUntil ?? alert.confirmedAt!;
		let search: z.infer<typeof savedSearch>;
		try {
			search = savedSearch.parse(alert.search);
		} catch {
			logger.warn({ alert: alert.id }, 'job alert skipped: its saved search no longer parses');
			continue;
		}
		const news = await searchOpportunities(db, { ...search, sort: 'newest' }, alert.locale, now, {
			publishedAfter: seenUntil,
			pageSize: LISTED
		});
		if (news.total === 0) continue;
		const claimed = await db
			.update(jobAlerts)
			.set({ seenUntil: now, lastSentAt: now })
			.where(
				and(
					eq(jobAlerts.id, alert.id),
					sql`${jobAlerts.seenUntil} is not distinct from ${alert.seenUntil}`
				)
			)
			.returning({ id: jobAlerts.id });
		if (claimed.length === 0) continue;
		await mailer.send(
			db,
			newsMail(alert.email, alert.locale, news.total, news.items, {
				search: searchUrl(baseUrl, alert.locale, alert.queryString),
				posting: (slug) => `${baseUrl}${localizedPath(`/job/${slug}`, alert.locale)}`,
				unsubscribe: linkUrl(baseUrl, alert.locale, '/job/besked/afmeld', alert.unsubscribeToken)
			})
		);
		mailed++;
	}
	return { checked: due.length, mailed, expired };
}

function confirmationMail(to: string, locale: Locale, confirm: string, search: string): Mail {
	return locale === 'en'
		? {
				to,
				subject: 'Confirm e-mails about new postings – Uddannelsesby',
				body: [
					'Hello,',
					'',
					'Someone (hopefully you) asked to get e-mails from Uddannelsesby about new jobs and placements for this search:',
					search,
					'',
					'Open this link within 7 days and press the button to start. Nothing is sent until you do:',
					confirm,
					'',
					'If you did not ask for this, ignore this e-mail; the request is deleted after 7 days.'
				].join('\n')
			}
		: {
				to,
				subject: 'Bekræft mails om nye opslag – Uddannelsesby',
				body: [
					'Hej,',
					'',
					'Nogen (forhåbentlig dig) har bedt om at få mails fra Uddannelsesby om nye job og praktikpladser til denne søgning:',
					search,
					'',
					'Åbn linket inden for 7 dage, og tryk på knappen for at begynde. Der bliver ikke sendt noget, før du gør det:',
					confirm,
					'',
					'Har du ikke bedt om det, kan du se bort fra mailen. Anmodningen bliver slettet efter 7 dage.'
				].join('\n')
			};
}

function newsMail(
	to: string,
	locale: Locale,
	total: number,
	items: OpportunityHit[],
	links: { search: string; posting: (slug: string) => string; unsubscribe: string }
): Mail {
	const en = locale === 'en';
	const lines = items.flatMap((i) => [
		`- ${i.title} – ${i.organization}${i.deadline ? ` (${en ? 'deadline' : 'frist'} ${formatDate(i.deadline, locale)})` : ''}${i.isDemo ? ` [${en ? 'demo, invented' : 'demo, opdigtet'}]` : ''}`,
		`  ${links.posting(i.slug)}`
	]);
	const more = total - items.length;
	return {
		to,
		subject: en
			? `${total} new ${total === 1 ? 'posting' : 'postings'} for your search – Uddannelsesby`
			: `${total} ${total === 1 ? 'nyt opslag' : 'nye opslag'} til din søgning – Uddannelsesby`,
		body: [
			en ? 'Hello,' : 'Hej,',
			'',
			en
				? 'These postings match your saved search on Uddannelsesby:'
				: 'Disse opslag passer til din gemte søgning på Uddannelsesby:',
			'',
			...lines,
			...(more > 0 ? ['', en ? `… and ${more} more.` : `… og ${more} til.`] : []),
			'',
			en ? `The whole search: ${links.search}` : `Hele søgningen: ${links.search}`,
			'',
			'---',
			en
				? `Stop these e-mails (one click): ${links.unsubscribe}`
				: `Stop disse mails (ét klik): ${links.unsubscribe}`
		].join('\n'),
		headers: {
			'List-Unsubscribe': `<${links.unsubscribe}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		}
	};
}

/** Deletes saved searches never confirmed within CONFIRM_DAYS (the confirmation mail says so). */
export async function pruneUnconfirmedAlerts(db: Db, now = new Date()): Promise<number> {
	const deleted = await db
		.delete(jobAlerts)
		.where(
			and(
				isNull(jobAlerts.confirmedAt),
				lt(jobAlerts.createdAt, new Date(now.getTime() - CONFIRM_DAYS * 86_400_000))
			)
		)
		.returning({ id: jobAlerts.id });
	return deleted.length;
}

import { sql } from 'drizzle-orm';
import { formatDate } from '../../format.ts';
import { localizedPath } from '../../i18n/routes.ts';
import { memberAddresses } from '../accounts/index.ts';
import { rowsOf, type Db } from '../db/index.ts';
import { logger } from '../log.ts';
import type { Mail, Mailer } from '../mail/index.ts';
import { roundReminders } from './schema.ts';

/** The reminders of a round, in order: when it opens, a week before and a day before the deadline. */
export const REMINDER_KINDS = [
	{ kind: 'opened', daysBefore: Infinity },
	{ kind: '7-days', daysBefore: 7 },
	{ kind: '1-day', daysBefore: 1 }
] as const;
type Kind = (typeof REMINDER_KINDS)[number]['kind'];

/** The latest reminder due on `today` for a deadline, or none once the deadline has passed. */
export function reminderDue(deadline: string, today: string): Kind | undefined {
	if (today > deadline) return undefined;
	const days = (Date.parse(deadline) - Date.parse(today)) / 86_400_000;
	let due: Kind | undefined;
	for (const r of REMINDER_KINDS) if (days <= r.daysBefore) due = r.kind;
	return due;
}

interface Waiting {
	round_id: string;
	round_name: string;
	deadline: string;
	initiative_id: string;
	slug: string;
	title: string;
	owner_id: string;
	owner_name: string;
}

/**
 * Mails the owners of initiatives whose update is missing (or returned) in an open round: when
 * the round opens, 7 days and 1 day before its deadline. Each reminder is claimed in
 * `round_reminders` before it is sent, so several processes send it once; a round opened late
 * sends only the latest reminder that is due, not all three at once. Demo rounds are skipped.
 */
export async function sendRoundReminders(
	db: Db,
	mailer: Mailer,
	baseUrl: string,
	now = new Date()
): Promise<{ reminded: number; withoutAddress: number }> {
	const today = now.toISOString().slice(0, 10);
	const waiting = rowsOf<Waiting>(
		await db.execute(sql`
			select r.id as round_id, r.name as round_name, r.deadline::text as deadline, i.id as initiative_id,
				i.slug, i.title->>'da' as title, i.owner_id, o.name as owner_name
			from reporting_rounds r
			join initiatives i on i.id = any(r.initiative_ids)
			join organizations o on o.id = i.owner_id
			where r.closed_at is null and not r.is_demo and r.deadline >= ${today}::date
				and coalesce((select u.state from initiative_updates u
					where u.round_id = r.id and u.initiative_id = i.id
					order by u.version desc limit 1), 'returned') = 'returned'
			order by r.deadline, o.name`)
	);
	let reminded = 0;
	let withoutAddress = 0;
	for (const row of waiting) {
		const due = reminderDue(row.deadline, today);
		if (!due) continue;
		const upTo = REMINDER_KINDS.slice(0, REMINDER_KINDS.findIndex((r) => r.kind === due) + 1);
		const claimed = await db
			.insert(roundReminders)
			.values(
				upTo.map((r) => ({ roundId: row.round_id, initiativeId: row.initiative_id, kind: r.kind }))
			)
			.onConflictDoNothing()
			.returning({ kind: roundReminders.kind });
		if (!claimed.some((c) => c.kind === due)) continue;
		const to = await memberAddresses(db, row.owner_id);
		if (to.length === 0) {
			withoutAddress++;
			logger.warn(
				{ round: row.round_id, initiative: row.slug },
				'an update is missing but the owner organisation has no members to tell'
			);
			continue;
		}
		const link = `${baseUrl}${localizedPath(`/admin/runder/${row.round_id}/${row.slug}`, 'da')}`;
		for (const address of to) await mailer.send(db, reminderMail(address, row, due, link));
		reminded++;
	}
	return { reminded, withoutAddress };
}

function reminderMail(to: string, row: Waiting, kind: Kind, link: string): Mail {
	const da = formatDate(row.deadline, 'da');
	const en = formatDate(row.deadline, 'en');
	const subject =
		kind === 'opened'
			? `Skriv status for ${row.title} / Please write an update`
			: `Påmindelse: status for ${row.title} senest ${da} / Reminder: update due ${en}`;
	return {
		to,
		subject,
		body: [
			'Hej,',
			'',
			kind === 'opened'
				? `Uddannelsesrådet har åbnet statusrunden "${row.round_name}". Skriv senest ${da}, hvordan indsatsen "${row.title}" går:`
				: `Vi mangler stadig status for indsatsen "${row.title}" i statusrunden "${row.round_name}". Fristen er ${da}:`,
			'',
			link,
			'',
			'Du får denne mail, fordi du er med i ' +
				`${row.owner_name}, som er ansvarlig for indsatsen.`,
			'',
			'---',
			kind === 'opened'
				? `The reporting round "${row.round_name}" is open. Please write how the initiative "${row.title}" is going by ${en}, at the link above.`
				: `The initiative "${row.title}" still has no update in the reporting round "${row.round_name}". The deadline is ${en}; the link is above.`
		].join('\n')
	};
}

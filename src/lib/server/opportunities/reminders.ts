import { and, eq, isNull, sql } from 'drizzle-orm';
import { formatDate } from '../../format.ts';
import { localizedPath } from '../../i18n/routes.ts';
import { memberAddresses } from '../accounts/index.ts';
import type { Db } from '../db/index.ts';
import { organizations } from '../directory/index.ts';
import { logger } from '../log.ts';
import type { Mail, Mailer } from '../mail/index.ts';
import { opportunities } from './schema.ts';

/** A partner is told this many days before a posting leaves the job board. */
export const REMIND_DAYS_BEFORE = 5;

/**
 * Tells partners that a posting closes within five days, so they can renew it: one mail per
 * posting, to the organisation's members (or the posting's contact when it has none). Demo
 * postings are skipped. A posting is claimed with a conditional update before its mail is
 * sent, so several processes never send the same reminder; a renewal clears the claim.
 */
export async function sendExpiryReminders(
	db: Db,
	mailer: Mailer,
	baseUrl: string,
	now = new Date()
): Promise<{ reminded: number; withoutAddress: number }> {
	const soon = new Date(now.getTime() + REMIND_DAYS_BEFORE * 86_400_000);
	const due = await db
		.select({
			id: opportunities.id,
			slug: opportunities.slug,
			title: opportunities.title,
			deadline: opportunities.deadline,
			expiresAt: opportunities.expiresAt,
			contactEmail: opportunities.contactEmail,
			organizationId: opportunities.organizationId,
			organization: organizations.name
		})
		.from(opportunities)
		.innerJoin(organizations, eq(organizations.id, opportunities.organizationId))
		.where(
			and(
				isNull(opportunities.remindedAt),
				eq(opportunities.isDemo, false),
				sql`${opportunities.expiresAt} > ${now.toISOString()}::timestamptz`,
				sql`${opportunities.expiresAt} <= ${soon.toISOString()}::timestamptz`
			)
		);
	let reminded = 0;
	let withoutAddress = 0;
	for (const posting of due) {
		const members = await memberAddresses(db, posting.organizationId);
		const to = members.length ? members : posting.contactEmail ? [posting.contactEmail] : [];
		const claimed = await db
			.update(opportunities)
			.set({ remindedAt: now })
			.where(and(eq(opportunities.id, posting.id), isNull(opportunities.remindedAt)))
			.returning({ id: opportunities.id });
		if (claimed.length === 0) continue;
		if (to.length === 0) {
			withoutAddress++;
			logger.warn({ posting: posting.slug }, 'posting closes soon but nobody can be told');
			continue;
		}
		const renew = `${baseUrl}${localizedPath(`/admin/opslag/${posting.slug}`, 'da')}`;
		for (const address of to) await mailer.send(db, reminderMail(address, posting, renew));
		reminded++;
	}
	return { reminded, withoutAddress };
}

function reminderMail(
	to: string,
	posting: {
		title: { da: string };
		organization: string;
		deadline: string | null;
		expiresAt: Date;
	},
	renew: string
): Mail {
	const day = posting.expiresAt.toISOString().slice(0, 10);
	const closes = posting.deadline ?? day;
	return {
		to,
		subject: `Dit opslag lukker snart: ${posting.title.da} / Your posting closes soon`,
		body: [
			'Hej,',
			'',
			`Opslaget "${posting.title.da}" fra ${posting.organization} forsvinder fra Uddannelsesbys jobsøgning efter ${formatDate(closes, 'da')}.`,
			'Skal det blive liggende, kan du forny det med en ny frist her. En fornyelse bliver godkendt som et nyt opslag:',
			'',
			renew,
			'',
			'Opslaget bliver liggende i jeres arkiv, også når det er lukket.',
			'',
			'---',
			`The posting "${posting.title.da}" from ${posting.organization} leaves the Uddannelsesby job board after ${formatDate(closes, 'en')}.`,
			'To keep it open, renew it with a new deadline at the link above; a renewal is reviewed like a new posting.'
		].join('\n')
	};
}

import { and, eq, sql } from 'drizzle-orm';
import { formatDate } from '../format.ts';
import { localizedPath } from '../i18n/routes.ts';
import { memberAddresses } from './accounts/index.ts';
import type { Db } from './db/index.ts';
import { logger } from './log.ts';
import type { Mail, Mailer } from './mail/index.ts';
import { offers, organizations } from './directory/index.ts';

/** A listing still not checked is mentioned again after this many days. */
export const STALE_REMIND_EVERY_DAYS = 30;

/**
 * Tells organisations that offers they own have not been checked for `staleAfterDays`: one
 * mail per organisation, listing its stale offers, to its members (or its public e-mail when
 * it has none), at most every 30 days per offer. Demo offers are skipped. Offers are claimed
 * with a conditional update before the mail is sent, so several processes never send twice.
 */
export async function sendStaleReminders(
	db: Db,
	mailer: Mailer,
	baseUrl: string,
	staleAfterDays: number,
	now = new Date()
): Promise<{ organizations: number; offers: number }> {
	const staleBefore = new Date(now.getTime() - staleAfterDays * 86_400_000);
	const remindBefore = new Date(now.getTime() - STALE_REMIND_EVERY_DAYS * 86_400_000);
	const claimed = await db
		.update(offers)
		.set({ staleRemindedAt: now })
		.where(
			and(
				eq(offers.isDemo, false),
				sql`coalesce(${offers.lastVerifiedAt}, ${offers.createdAt}) < ${staleBefore.toISOString()}::timestamptz`,
				sql`(${offers.staleRemindedAt} is null or ${offers.staleRemindedAt} < ${remindBefore.toISOString()}::timestamptz)`
			)
		)
		.returning({
			slug: offers.slug,
			name: offers.name,
			organizationId: offers.organizationId,
			lastVerifiedAt: offers.lastVerifiedAt
		});
	const byOrganization = new Map<string, typeof claimed>();
	for (const o of claimed)
		byOrganization.set(o.organizationId, [...(byOrganization.get(o.organizationId) ?? []), o]);
	let told = 0;
	for (const [organizationId, stale] of byOrganization) {
		const [organization] = await db
			.select({ name: organizations.name, email: organizations.email })
			.from(organizations)
			.where(eq(organizations.id, organizationId));
		const members = await memberAddresses(db, organizationId);
		const to = members.length ? members : organization?.email ? [organization.email] : [];
		if (to.length === 0) {
			logger.warn({ organizationId, offers: stale.length }, 'stale offers but nobody can be told');
			continue;
		}
		const mail = staleMail(
			organization!.name,
			stale,
			`${baseUrl}${localizedPath('/admin/tilbud', 'da')}`,
			baseUrl
		);
		for (const address of to) await mailer.send(db, { ...mail, to: address });
		told++;
	}
	return { organizations: told, offers: claimed.length };
}

function staleMail(
	organization: string,
	stale: { slug: string; name: { da: string }; lastVerifiedAt: Date | null }[],
	admin: string,
	baseUrl: string
): Omit<Mail, 'to'> {
	const lines = stale
		.sort((a, b) => a.name.da.localeCompare(b.name.da, 'da'))
		.map(
			(o) =>
				`- ${o.name.da}${o.lastVerifiedAt ? ` (sidst tjekket ${formatDate(o.lastVerifiedAt.toISOString().slice(0, 10), 'da')})` : ''}\n  ${baseUrl}/tilbud/${o.slug}`
		);
	return {
		subject: `Er jeres tilbud stadig rigtige? ${organization} / Are your offers still right?`,
		body: [
			'Hej,',
			'',
			`Disse tilbud fra ${organization} er ikke blevet tjekket i lang tid. Elever og fagfolk skal kunne stole på, at oplysningerne passer:`,
			'',
			...lines,
			'',
			'Log ind, og bekræft at de stadig er rigtige, eller ret dem:',
			admin,
			'',
			'---',
			`These offers from ${organization} have not been checked for a long time. Log in at the link above to confirm they are still right, or correct them.`
		].join('\n')
	};
}

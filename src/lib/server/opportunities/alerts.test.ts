import { desc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { createOffer } from '../directory/index.ts';
import { sendStaleReminders } from '../stale-offers.ts';
import { offers, organizations } from '../directory/schema.ts';
import { mailOutbox, outboxMailer } from '../mail/index.ts';
import {
	confirmAlert,
	createOpportunity,
	MAX_ALERTS_PER_ADDRESS,
	opportunityQuery,
	requestAlert,
	sendExpiryReminders,
	sendJobAlerts,
	unsubscribeAlert,
	updateOpportunity,
	type OpportunityInput
} from './index.ts';
import { jobAlerts } from './schema.ts';
import { apprenticeship, exampleEmployer } from './testing.ts';

const BASE = 'https://uddannelsesby.example';
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

describe.each(testEngines())('mail about postings and offers on $name', (engine) => {
	let database: Database;
	let employer: string;
	beforeEach(async () => {
		database = await engine.open();
		employer = await exampleEmployer(database.db);
	});
	afterEach(async () => database.close());

	const posting = (extra: Partial<OpportunityInput> = {}): OpportunityInput =>
		apprenticeship(employer, { deadline: isoDay(new Date(Date.now() + 30 * DAY)), ...extra });
	const outbox = () => database.db.select().from(mailOutbox).orderBy(desc(mailOutbox.id));
	const linkToken = (body: string, path: string) =>
		new RegExp(`${path}\\?t=([A-Za-z0-9_-]{43})`).exec(body)?.[1];
	const search = (input: Record<string, unknown>) => opportunityQuery.parse(input);

	it('mails a saved search only after the address confirms, then only news, and stops with one click', async () => {
		await expect(
			requestAlert(database.db, outboxMailer, BASE, {
				email: 'not an address',
				search: search({}),
				locale: 'da'
			})
		).rejects.toThrow('must be an e-mail address');
		// No reader's address is kept to be looked up again every day: postcodes only.
		await expect(
			requestAlert(database.db, outboxMailer, BASE, {
				email: 'elev@example.dk',
				search: search({ near: 'Gammeltorv 2, 9000 Aalborg' }),
				locale: 'da'
			})
		).rejects.toThrow('a saved search measures distance from a postcode, not an address');
		expect(await outbox()).toEqual([]);
		await requestAlert(database.db, outboxMailer, BASE, {
			email: ' Elev@Example.DK ',
			search: search({ q: 'elektriker', type: ['laereplads'] }),
			locale: 'da'
		});
		const [confirmation] = await outbox();
		expect(confirmation!.recipient).toBe('elev@example.dk');
		expect(confirmation!.subject).toContain('Bekræft');
		expect(confirmation!.body).toContain(`${BASE}/job?q=elektriker&type=laereplads`);
		const confirm = linkToken(confirmation!.body, '/job/besked/bekraeft')!;
		expect(confirm).toBeDefined();

		// Before confirmation nothing is sent, even when there is news.
		await createOpportunity(database.db, 'test', posting());
		expect((await sendJobAlerts(database.db, outboxMailer, BASE)).mailed).toBe(0);

		expect(await confirmAlert(database.db, confirm)).toEqual({
			unsubscribeToken: expect.any(String)
		});
		expect(await confirmAlert(database.db, confirm)).toBeUndefined(); // the link works once
		// Postings published before the confirmation are not news.
		expect((await sendJobAlerts(database.db, outboxMailer, BASE)).mailed).toBe(0);

		await createOpportunity(
			database.db,
			'test',
			posting({ title: { da: 'Elev som elektriker i Nibe' } })
		);
		await createOpportunity(
			database.db,
			'test',
			posting({
				type: 'studiejob',
				title: { da: 'Studiejob som elektriker' },
				education: undefined
			})
		);
		await createOpportunity(
			database.db,
			'test',
			posting({
				title: { da: 'Elev som smed' },
				education: 'Smed',
				description: { da: 'Smedeuddannelsen.' }
			})
		);
		const run = await sendJobAlerts(database.db, outboxMailer, BASE);
		expect(run.mailed).toBe(1);
		const [news] = await outbox();
		expect(news!.recipient).toBe('elev@example.dk');
		expect(news!.subject).toBe('1 nyt opslag til din søgning – Uddannelsesby');
		expect(news!.body).toContain('Elev som elektriker i Nibe');
		expect(news!.body).not.toContain('Studiejob'); // another kind
		expect(news!.body).not.toContain('smed'); // another search
		const unsubscribe = linkToken(news!.body, '/job/besked/afmeld')!;
		expect(news!.headers).toEqual({
			'List-Unsubscribe': `<${BASE}/job/besked/afmeld?t=${unsubscribe}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		});

		// At most one mail a day, and the same news never twice.
		await createOpportunity(
			database.db,
			'test',
			posting({ title: { da: 'Elev som elektriker i Hals' } })
		);
		expect((await sendJobAlerts(database.db, outboxMailer, BASE)).mailed).toBe(0);
		const tomorrow = new Date(Date.now() + DAY + 60_000);
		expect((await sendJobAlerts(database.db, outboxMailer, BASE, tomorrow)).mailed).toBe(1);
		const [second] = await outbox();
		expect(second!.body).toContain('i Hals');
		expect(second!.body).not.toContain('i Nibe');

		expect(await unsubscribeAlert(database.db, unsubscribe)).toBe(true);
		expect(await unsubscribeAlert(database.db, unsubscribe)).toBe(false);
		expect(await database.db.select().from(jobAlerts)).toEqual([]);
	});

	it('says the same to every address, keeps at most ten searches per address and forgets unconfirmed ones after a week', async () => {
		for (let i = 0; i < MAX_ALERTS_PER_ADDRESS + 2; i++)
			await requestAlert(database.db, outboxMailer, BASE, {
				email: 'mange@example.dk',
				search: search({ q: `ord${i}` }),
				locale: 'en'
			});
		expect(await database.db.select().from(jobAlerts)).toHaveLength(MAX_ALERTS_PER_ADDRESS);
		const mails = await outbox();
		expect(mails).toHaveLength(MAX_ALERTS_PER_ADDRESS);
		expect(mails[0]!.subject).toContain('Confirm');
		expect(mails[0]!.body).toContain(`${BASE}/en/jobs/alert/confirm?t=`);

		const run = await sendJobAlerts(
			database.db,
			outboxMailer,
			BASE,
			new Date(Date.now() + 8 * DAY)
		);
		expect(run.expired).toBe(MAX_ALERTS_PER_ADDRESS);
		expect(await database.db.select().from(jobAlerts)).toEqual([]);
		// An expired link no longer confirms.
		expect(
			await confirmAlert(database.db, linkToken(mails[0]!.body, '/en/jobs/alert/confirm')!)
		).toBeUndefined();
	});

	it('reminds the partner once before a posting closes, and again after a renewal', async () => {
		const soon = isoDay(new Date(Date.now() + 3 * DAY));
		const created = await createOpportunity(
			database.db,
			'test',
			posting({ deadline: soon, contactEmail: 'hr@el.example.dk' })
		);
		await createOpportunity(database.db, 'test', posting({ title: { da: 'Lukker om en måned' } }));
		await createOpportunity(database.db, 'test', posting({ deadline: soon, isDemo: true }));
		expect(await sendExpiryReminders(database.db, outboxMailer, BASE)).toEqual({
			reminded: 1,
			withoutAddress: 0
		});
		const [mail] = await outbox();
		expect(mail!.recipient).toBe('hr@el.example.dk');
		expect(mail!.subject).toContain('Elev som elektriker');
		expect(mail!.body).toContain(`${BASE}/admin/opslag/${created.slug}`);
		expect((await sendExpiryReminders(database.db, outboxMailer, BASE)).reminded).toBe(0);

		// Renewed with a new deadline: reminded again when that one comes near.
		await updateOpportunity(
			database.db,
			'test',
			created.id,
			posting({
				deadline: isoDay(new Date(Date.now() + 40 * DAY)),
				contactEmail: 'hr@el.example.dk'
			})
		);
		expect((await sendExpiryReminders(database.db, outboxMailer, BASE)).reminded).toBe(0);
		const later = new Date(Date.now() + 37 * DAY);
		expect((await sendExpiryReminders(database.db, outboxMailer, BASE, later)).reminded).toBe(1);
	});

	it('tells an organisation once a month about offers nobody has checked for a year', async () => {
		await database.db
			.update(organizations)
			.set({ email: 'info@el.example.dk' })
			.where(eq(organizations.id, employer));
		const old = await createOffer(database.db, 'test', {
			organizationId: employer,
			name: { da: 'Praktikvejledning' },
			description: { da: 'Vejledning om praktik.' }
		});
		await createOffer(database.db, 'test', {
			organizationId: employer,
			name: { da: 'Nyt tilbud' },
			description: { da: 'Netop tjekket.' }
		});
		await database.db
			.update(offers)
			.set({ lastVerifiedAt: new Date(Date.now() - 400 * DAY) })
			.where(eq(offers.id, old.id));
		expect(await sendStaleReminders(database.db, outboxMailer, BASE, 365)).toEqual({
			organizations: 1,
			offers: 1
		});
		const [mail] = await outbox();
		expect(mail!.recipient).toBe('info@el.example.dk');
		expect(mail!.body).toContain('Praktikvejledning');
		expect(mail!.body).not.toContain('Nyt tilbud');
		expect(mail!.body).toContain(`${BASE}/admin/tilbud`);
		expect((await sendStaleReminders(database.db, outboxMailer, BASE, 365)).offers).toBe(0);
		const nextMonth = new Date(Date.now() + 31 * DAY);
		expect((await sendStaleReminders(database.db, outboxMailer, BASE, 365, nextMonth)).offers).toBe(
			1
		);
	});
});

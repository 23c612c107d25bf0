import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/index.ts';
import { ForbiddenError } from '../accounts/index.ts';
import { auditTrail } from '../audit/index.ts';
import { rowsOf, type Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import {
	addOrganizationLocation,
	createOrganization,
	loadTaxonomy,
	searchOffers
} from '../directory/index.ts';
import {
	approveSubmission,
	mySubmissions,
	rejectSubmission,
	reviewQueue,
	SubmissionConflictError,
	SubmissionNotFoundError,
	submitOffer,
	submitOrganizationProfile,
	submitEvent,
	submitProgramme,
	confirmStillCurrent
} from './index.ts';
import { sql } from 'drizzle-orm';
import { eventForEditing, type EventInput } from '../events/index.ts';
import { getOrganization } from '../directory/index.ts';

describe.each(testEngines())('moderation on $name', (engine) => {
	let database: Database;
	let partnerA: Actor;
	let partnerB: Actor;
	const editor: Actor = {
		id: 'editor-1',
		email: 'redaktoer@aalborg.dk',
		role: 'editor',
		organizationIds: []
	};
	let orgA: string;
	beforeEach(async () => {
		database = await engine.open();
		await loadTaxonomy(database.db, 'taxonomy/directory.yaml', 'test');
		orgA = (
			await createOrganization(database.db, 'test', {
				name: 'Aalborg Tekniske Gymnasium',
				kind: 'school'
			})
		).id;
		const orgB = (
			await createOrganization(database.db, 'test', {
				name: 'Vejgaard Boldklub',
				kind: 'association'
			})
		).id;
		partnerA = { id: 'partner-a', email: 'a@skole.dk', role: 'partner', organizationIds: [orgA] };
		partnerB = { id: 'partner-b', email: 'b@klub.dk', role: 'partner', organizationIds: [orgB] };
	});
	afterEach(async () => database.close());

	const proposal = () => ({
		organizationId: orgA,
		name: { da: 'Matematikværksted' },
		description: { da: 'Hjælp til matematik hver onsdag efter skole.' },
		categories: ['lektiehjaelp']
	});
	/** An open house of organisation A on 14 January 2027. */
	const openHouse = (change: Partial<EventInput> = {}): EventInput => ({
		organizationId: orgA,
		kind: 'aabent-hus',
		title: { da: 'Åbent hus på ATG' },
		description: { da: 'Mød lærere og elever.' },
		startsAt: new Date('2027-01-14T17:00:00Z'),
		endsAt: new Date('2027-01-14T19:00:00Z'),
		address: 'Saltumvej 25, 9700 Brønderslev',
		audiences: ['udskoling'],
		priceOre: 0,
		...change
	});

	it('publishes a partner’s offer only when an editor approves it', async () => {
		const id = await submitOffer(database.db, partnerA, proposal());
		expect((await searchOffers(database.db, { q: 'matematik' }, 'da')).total).toBe(0);
		const [queued] = await reviewQueue(database.db, editor);
		expect(queued).toMatchObject({ id, status: 'pending', title: 'Matematikværksted' });
		expect(queued!.changes.map((c) => c.field)).toContain('name');
		const slug = await approveSubmission(database.db, editor, id);
		expect(slug).toBe('matematikvaerksted');
		expect((await searchOffers(database.db, { q: 'matematik' }, 'da')).items[0]?.title).toBe(
			'Matematikværksted'
		);
		expect((await auditTrail(database.db, 'submission', id)).map((a) => a.action)).toEqual([
			'submission.approve',
			'submission.create'
		]);
		await expect(approveSubmission(database.db, editor, id)).rejects.toBeInstanceOf(
			SubmissionNotFoundError
		);
	});

	it('keeps a rejected proposal visible to its organisation with the reason, and publishes nothing', async () => {
		const id = await submitOffer(database.db, partnerA, proposal());
		await expect(rejectSubmission(database.db, editor, id, '')).rejects.toThrow('reason');
		await rejectSubmission(database.db, editor, id, 'Beskriv, hvem tilbuddet er for.');
		const [mine] = await mySubmissions(database.db, partnerA);
		expect(mine).toMatchObject({ status: 'rejected', reason: 'Beskriv, hvem tilbuddet er for.' });
		expect((await searchOffers(database.db, { q: 'matematik' }, 'da')).total).toBe(0);
	});

	it('keeps organisations apart: a partner cannot propose for, see or review another’s offers', async () => {
		await submitOffer(database.db, partnerA, proposal());
		await expect(submitOffer(database.db, partnerB, proposal())).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect(await mySubmissions(database.db, partnerB)).toEqual([]);
		await expect(reviewQueue(database.db, partnerA)).rejects.toBeInstanceOf(ForbiddenError);
		const [mine] = await mySubmissions(database.db, partnerA);
		await expect(approveSubmission(database.db, partnerA, mine!.id)).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});

	it('applies an approved change to a published offer, keeping its address', async () => {
		const slug = await approveSubmission(
			database.db,
			editor,
			await submitOffer(database.db, partnerA, proposal())
		);
		const [offer] = (await searchOffers(database.db, { q: 'matematik' }, 'da')).items;
		const change = {
			...proposal(),
			description: { da: 'Hjælp til matematik hver onsdag og torsdag.' }
		};
		await expect(
			submitOffer(
				database.db,
				partnerB,
				{ ...change, organizationId: partnerB.organizationIds[0]! },
				offer!.id
			)
		).rejects.toBeInstanceOf(SubmissionNotFoundError);
		const id = await submitOffer(database.db, partnerA, change, offer!.id);
		const [queued] = await reviewQueue(database.db, editor);
		expect(queued!.changes).toEqual([
			{
				field: 'description',
				before: { da: 'Hjælp til matematik hver onsdag efter skole.' },
				after: { da: 'Hjælp til matematik hver onsdag og torsdag.' }
			}
		]);
		expect(await approveSubmission(database.db, editor, id)).toBe(slug);
		expect(
			(await searchOffers(database.db, { q: 'torsdag' }, 'da')).items.map((i) => i.slug)
		).toEqual([slug]);
	});

	it('publishes a partner’s profile change only on approval, and only for their own organisation', async () => {
		const change = {
			organizationId: orgA,
			description: { da: 'Vi er et **teknisk** gymnasium i Aalborg.' },
			website: 'https://atg.example.dk'
		};
		await expect(submitOrganizationProfile(database.db, partnerB, change)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const id = await submitOrganizationProfile(database.db, partnerA, change);
		const slug = 'aalborg-tekniske-gymnasium';
		expect((await getOrganization(database.db, slug))?.description).toBeNull();
		const [queued] = await reviewQueue(database.db, editor);
		expect(queued).toMatchObject({
			entityType: 'organization',
			title: 'Aalborg Tekniske Gymnasium'
		});
		expect(queued!.changes.map((c) => c.field).sort()).toEqual(['description', 'website']);
		expect(await approveSubmission(database.db, editor, id)).toBe(slug);
		expect(await getOrganization(database.db, slug)).toMatchObject({
			description: { da: 'Vi er et **teknisk** gymnasium i Aalborg.' },
			website: 'https://atg.example.dk'
		});
	});

	it('will not let an older profile proposal silently undo a newer approved one', async () => {
		const older = await submitOrganizationProfile(database.db, partnerA, {
			organizationId: orgA,
			website: 'https://gammel.example.dk'
		});
		const newer = await submitOrganizationProfile(database.db, partnerA, {
			organizationId: orgA,
			website: 'https://ny.example.dk'
		});
		await approveSubmission(database.db, editor, newer);
		await expect(approveSubmission(database.db, editor, older)).rejects.toBeInstanceOf(
			SubmissionConflictError
		);
		const slug = 'aalborg-tekniske-gymnasium';
		expect((await getOrganization(database.db, slug))?.website).toBe('https://ny.example.dk');
		// Still in the queue; the editor may approve it knowingly.
		expect((await reviewQueue(database.db, editor)).map((q) => q.id)).toContain(older);
		await approveSubmission(database.db, editor, older, { overwriteNewer: true });
		expect((await getOrganization(database.db, slug))?.website).toBe('https://gammel.example.dk');
	});

	it('lets an organisation confirm that its offer is still right, and nobody else', async () => {
		const slug = await approveSubmission(
			database.db,
			editor,
			await submitOffer(database.db, partnerA, proposal())
		);
		await database.db.execute(
			sql`update offers set last_verified_at = now() - interval '400 days' where slug = ${slug}`
		);
		await expect(confirmStillCurrent(database.db, partnerB, slug)).rejects.toBeInstanceOf(
			SubmissionNotFoundError
		);
		await expect(confirmStillCurrent(database.db, partnerA, 'findes-ikke')).rejects.toBeInstanceOf(
			SubmissionNotFoundError
		);
		await confirmStillCurrent(database.db, partnerA, slug);
		const [row] = rowsOf<{ fresh: boolean }>(
			await database.db.execute(
				sql`select last_verified_at > now() - interval '1 minute' as fresh from offers where slug = ${slug}`
			)
		);
		expect(row?.fresh).toBe(true);
	});

	it('publishes a partner’s event only when an editor approves it, and refuses an unknown kind', async () => {
		const event = openHouse();
		await expect(submitEvent(database.db, partnerA, { ...event, kind: 'fest' })).rejects.toThrow(
			/not a kind of event/
		);
		await expect(submitEvent(database.db, partnerB, event)).rejects.toBeInstanceOf(ForbiddenError);
		const id = await submitEvent(database.db, partnerA, event);
		const count = async () =>
			rowsOf<{ n: number }>(
				await database.db.execute(sql`select count(*)::int as n from events`)
			)[0]!.n;
		expect(await count()).toBe(0);
		const [queued] = await reviewQueue(database.db, editor);
		expect(queued).toMatchObject({ id, title: 'Åbent hus på ATG' });
		const slug = await approveSubmission(database.db, editor, id);
		expect(slug).toBe('aabent-hus-paa-atg-2027-01-14');
		expect(await count()).toBe(1);
		const [mine] = await mySubmissions(database.db, partnerA);
		expect(mine).toMatchObject({ status: 'approved', entityType: 'event', entitySlug: slug });
	});

	it('applies an approved change to a published event, keeping its address, cancellation and demo mark', async () => {
		const event = openHouse({ registrationUrl: 'https://atg.example/tilmeld' });
		const slug = await approveSubmission(
			database.db,
			editor,
			await submitEvent(database.db, partnerA, event)
		);
		const [{ id }] = rowsOf<{ id: string }>(
			await database.db.execute(sql`select id from events where slug = ${slug}`)
		) as [{ id: string }];
		await database.db.execute(
			sql`update events set cancelled = true, is_demo = true where id = ${id}`
		);
		const changed = {
			...event,
			title: { da: 'Åbent hus på ATG – ny dato', en: 'Open house at ATG' },
			startsAt: new Date('2027-01-21T17:30:00Z'),
			endsAt: new Date('2027-01-21T19:30:00Z'),
			registrationUrl: undefined,
			onlineUrl: 'https://atg.example/live'
		};
		// Another organisation cannot propose a change to it, not even naming itself.
		await expect(
			submitEvent(
				database.db,
				partnerB,
				{ ...changed, organizationId: partnerB.organizationIds[0]! },
				id
			)
		).rejects.toBeInstanceOf(SubmissionNotFoundError);
		const proposalId = await submitEvent(database.db, partnerA, changed, id);
		// Nothing changes before the approval.
		const stored = async () =>
			rowsOf<{
				slug: string;
				title: { da: string; en?: string };
				starts_at: string;
				registration_url: string | null;
				online_url: string | null;
				cancelled: boolean;
				is_demo: boolean;
			}>(
				await database.db.execute(
					sql`select slug, title, starts_at::text, registration_url, online_url, cancelled, is_demo from events where id = ${id}`
				)
			)[0]!;
		expect((await stored()).title.da).toBe('Åbent hus på ATG');
		expect(await approveSubmission(database.db, editor, proposalId)).toBe(slug);
		const after = await stored();
		expect(after).toMatchObject({
			slug,
			title: { da: 'Åbent hus på ATG – ny dato', en: 'Open house at ATG' },
			registration_url: null,
			online_url: 'https://atg.example/live',
			cancelled: true,
			is_demo: true
		});
		expect(new Date(after.starts_at).toISOString()).toBe('2027-01-21T17:30:00.000Z');
		const trail = await auditTrail(database.db, 'event', id);
		expect(trail.map((e) => e.action)).toContain('event.update');
	});

	it('keeps an event at its directory place when a change leaves the address as the form shows it', async () => {
		const placeId = await addOrganizationLocation(database.db, 'test', orgA, {
			name: 'ATG',
			address: 'Saltumvej 25',
			postalCode: '9700',
			city: 'Brønderslev',
			latitude: 57.27,
			longitude: 9.94
		});
		const slug = await approveSubmission(
			database.db,
			editor,
			await submitEvent(
				database.db,
				partnerA,
				openHouse({ address: undefined, locationId: placeId })
			)
		);
		const shown = (await eventForEditing(database.db, { slug }))!;
		expect(shown.address).toBe('Saltumvej 25, 9700 Brønderslev');
		const stored = async () =>
			rowsOf<{ location_id: string | null; address: string | null }>(
				await database.db.execute(sql`select location_id, address from events where slug = ${slug}`)
			)[0]!;
		// The form sends the address it showed, not the place: the event stays at the place.
		const change = async (address: string) => {
			const id = await submitEvent(
				database.db,
				partnerA,
				openHouse({ title: { da: 'Åbent hus – nyt tidspunkt' }, address }),
				shown.id
			);
			const [review] = await reviewQueue(database.db, editor);
			await approveSubmission(database.db, editor, id);
			return review!.changes.map((c) => c.field);
		};
		// The review shows what changed, not the place turned into text.
		expect(await change('Saltumvej 25, 9700 Brønderslev')).toEqual(['title']);
		expect(await stored()).toEqual({ location_id: placeId, address: null });
		// Another address moves it there.
		expect(await change('Gammel Kirkevej 10, 9700 Brønderslev')).toEqual(['address']);
		expect(await stored()).toEqual({
			location_id: null,
			address: 'Gammel Kirkevej 10, 9700 Brønderslev'
		});
	});

	it('refuses a proposed change to an event read from a calendar feed', async () => {
		const slug = await approveSubmission(
			database.db,
			editor,
			await submitEvent(database.db, partnerA, openHouse({ title: { da: 'Fra kalenderen' } }))
		);
		const [{ id }] = rowsOf<{ id: string }>(
			await database.db.execute(sql`
				with feed as (
					insert into event_feeds (organization_id, url, kind)
					values (${orgA}, 'https://atg.example/kalender.ics', 'aabent-hus') returning id)
				update events set feed_id = (select id from feed), external_key = 'uid-1'
				where slug = ${slug} returning events.id`)
		) as [{ id: string }];
		await expect(
			submitEvent(database.db, partnerA, openHouse({ title: { da: 'Ændret her' } }), id)
		).rejects.toBeInstanceOf(SubmissionNotFoundError);
	});

	it('an institution proposes a programme and a change to it; an editor publishes each', async () => {
		const programme = {
			organizationId: orgA,
			title: { da: 'HTX' },
			level: 'htx',
			applyVia: 'institution' as const,
			requirements: { known: true, routes: [{ from: ['grundskole'], subjects: [] }] },
			source: 'Skolens egen side, 2026-12-06'
		};
		await expect(
			submitProgramme(database.db, partnerA, { ...programme, level: 'gymnasie' })
		).rejects.toThrow(/not a level of education/);
		await expect(submitProgramme(database.db, partnerB, programme)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const id = await submitProgramme(database.db, partnerA, programme);
		const slug = await approveSubmission(database.db, editor, id);
		expect(slug).toBe('htx-aalborg-tekniske-gymnasium');
		const [row] = rowsOf<{ id: string; keywords: string }>(
			await database.db.execute(sql`select id, keywords from programmes where slug = ${slug}`)
		);
		expect(row?.keywords).toContain('Aalborg Tekniske Gymnasium');
		const change = await submitProgramme(
			database.db,
			partnerA,
			{ ...programme, durationMonths: 36, su: true },
			row!.id
		);
		const [queued] = await reviewQueue(database.db, editor);
		expect(queued?.changes.map((c) => c.field).sort()).toEqual(['durationMonths', 'su']);
		expect(await approveSubmission(database.db, editor, change)).toBe(slug);
		const [after] = rowsOf<{ duration_months: number; su: boolean }>(
			await database.db.execute(
				sql`select duration_months, su from programmes where slug = ${slug}`
			)
		);
		expect(after).toEqual({ duration_months: 36, su: true });
	});
});

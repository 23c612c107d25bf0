import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/index.ts';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { loadTaxonomy } from '../directory/index.ts';
import { approveSubmission, submitOpportunity } from '../moderation/index.ts';
import { apprenticeship as electrician, exampleEmployer } from './testing.ts';
import {
	createOpportunity,
	getOpportunity,
	opportunityInput,
	searchOpportunities,
	type OpportunityInput
} from './index.ts';

describe.each(testEngines())('job and placement postings on $name', (engine) => {
	let database: Database;
	let employer: string;
	const editor: Actor = {
		id: 'editor-1',
		email: 'r@aalborg.dk',
		role: 'editor',
		organizationIds: []
	};
	beforeEach(async () => {
		database = await engine.open();
		employer = await exampleEmployer(database.db);
	});
	afterEach(async () => database.close());

	const apprenticeship = (extra: Partial<OpportunityInput> = {}) => electrician(employer, extra);

	it('publishes an employer’s læreplads on approval; students find it until its deadline', async () => {
		const partner: Actor = {
			id: 'p',
			email: 'p@el.example.dk',
			role: 'partner',
			organizationIds: [employer]
		};
		const id = await submitOpportunity(database.db, partner, apprenticeship());
		const before = new Date('2026-12-01T12:00:00Z');
		expect((await searchOpportunities(database.db, { q: 'elektriker' }, 'da', before)).total).toBe(
			0
		);
		const slug = await approveSubmission(database.db, editor, id);
		const found = await searchOpportunities(database.db, { q: 'elektriker' }, 'da', before);
		expect(found.items.map((i) => i.slug)).toEqual([slug]);
		expect(found.types).toEqual({ laereplads: 1 });
		// The deadline day counts (Danish time); the day after, it is gone from search.
		const lastDay = new Date('2026-12-15T21:00:00Z');
		expect((await searchOpportunities(database.db, {}, 'da', lastDay)).total).toBe(1);
		const after = new Date('2026-12-16T08:00:00Z');
		expect((await searchOpportunities(database.db, {}, 'da', after)).total).toBe(0);
		// Its page still answers, saying it is closed.
		expect((await getOpportunity(database.db, slug, after))?.open).toBe(false);
	});

	it('stays public 60 days without a deadline', async () => {
		await createOpportunity(database.db, 't', apprenticeship({ deadline: undefined }));
		const in59 = new Date(Date.now() + 59 * 86_400_000);
		const in61 = new Date(Date.now() + 61 * 86_400_000);
		expect((await searchOpportunities(database.db, {}, 'da', in59)).total).toBe(1);
		expect((await searchOpportunities(database.db, {}, 'da', in61)).total).toBe(0);
	});

	it('filters by kind, English-friendly and hours, and sorts by deadline', async () => {
		await createOpportunity(database.db, 't', apprenticeship());
		await createOpportunity(database.db, 't', {
			organizationId: employer,
			type: 'studiejob',
			title: { da: 'Studentermedhjælper', en: 'Student assistant' },
			description: { da: 'Hjælp med tegninger og tilbud.' },
			remote: true,
			pay: 'paid',
			hoursPerWeek: 15,
			englishFriendly: true,
			applyUrl: 'https://el.example.dk/job',
			deadline: '2026-12-10'
		});
		const now = new Date('2026-12-01T12:00:00Z');
		const search = (q: Record<string, unknown>) =>
			searchOpportunities(database.db, q, 'en', now).then((r) => r.items.map((i) => i.title));
		expect(await search({ type: ['studiejob'] })).toEqual(['Student assistant']);
		expect(await search({ englishFriendly: true })).toEqual(['Student assistant']);
		expect(await search({ maxHours: 20 })).toEqual(['Student assistant']);
		expect(await search({ sort: 'deadline' })).toEqual([
			'Student assistant',
			'Electrician apprentice'
		]);
		expect(await search({ q: 'assistant' })).toEqual(['Student assistant']);
	});

	it('filters by education field, level and distance, with counts that ignore their own filter', async () => {
		await loadTaxonomy(database.db, 'taxonomy/directory.yaml', 'test');
		const place = (postalCode: string, city: string) => ({ postalCode, city, address: 'Vej 1' });
		await createOpportunity(
			database.db,
			't',
			apprenticeship({
				fields: ['teknik'],
				levels: ['erhvervsuddannelse'],
				...place('9220', 'Aalborg Øst')
			})
		);
		await createOpportunity(database.db, 't', {
			...apprenticeship({ type: 'studiejob', education: undefined }),
			title: { da: 'Studiejob i IT' },
			fields: ['it', 'teknik'],
			levels: ['videregaaende'],
			...place('9400', 'Nørresundby')
		});
		await createOpportunity(database.db, 't', {
			...apprenticeship({ type: 'studiejob', education: undefined }),
			title: { da: 'Studiejob hjemmefra' },
			fields: ['it'],
			levels: ['videregaaende'],
			remote: true,
			address: undefined,
			postalCode: undefined,
			city: undefined
		});
		const now = new Date('2026-12-01T12:00:00Z');
		const search = (q: Record<string, unknown>) => searchOpportunities(database.db, q, 'da', now);
		const titles = async (q: Record<string, unknown>) =>
			(await search(q)).items.map((i) => i.title);

		const itJobs = await search({ field: ['it'] });
		expect(itJobs.total).toBe(2);
		expect(itJobs.fields).toEqual({ it: 2, teknik: 2 }); // the field counts ignore the field filter
		expect(itJobs.levels).toEqual({ videregaaende: 2 });
		expect(itJobs.types).toEqual({ studiejob: 2 });
		expect(await titles({ level: ['erhvervsuddannelse'] })).toEqual(['Elev som elektriker']);
		expect(await titles({ field: ['teknik'], level: ['videregaaende'] })).toEqual([
			'Studiejob i IT'
		]);

		const near = await search({ near: '9000', sort: 'distance' });
		expect(near.near).toEqual({ postalCode: '9000', name: 'Aalborg' });
		expect(near.items.map((i) => [i.title, i.distanceKm])).toEqual([
			['Studiejob i IT', 2.2],
			['Elev som elektriker', 5.3],
			['Studiejob hjemmefra', null]
		]);
		// Within 4 km: the Nørresundby job, and the remote one (it is everywhere).
		expect(await titles({ near: '9000', km: 4, sort: 'distance' })).toEqual([
			'Studiejob i IT',
			'Studiejob hjemmefra'
		]);
		const unknown = await search({ near: '1234', sort: 'distance' });
		expect(unknown.nearProblem).toBe('unknown-postcode');
		expect(unknown.total).toBe(3);
	});

	it('refuses a proposed posting with an education field or level the municipality does not use', async () => {
		await loadTaxonomy(database.db, 'taxonomy/directory.yaml', 'test');
		const partner: Actor = {
			id: 'p',
			email: 'p@el.example.dk',
			role: 'partner',
			organizationIds: [employer]
		};
		await expect(
			submitOpportunity(
				database.db,
				partner,
				apprenticeship({ fields: ['teknik', 'astrologi'], levels: ['phd'] })
			)
		).rejects.toThrow(/not a known education field[\s\S]*not a known education level/);
		await submitOpportunity(database.db, partner, apprenticeship({ fields: ['teknik'] }));
	});

	it('refuses a posting without a way to apply, a place, or a paid volunteer job, saying why', () => {
		const problems = (input: OpportunityInput) =>
			opportunityInput
				.safeParse(input)
				.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
		expect(problems(apprenticeship({ applyEmail: undefined }))).toEqual([
			'applyUrl: say how to apply: a web address or an e-mail address'
		]);
		expect(problems(apprenticeship({ address: undefined }))).toEqual([
			'address: give the workplace address, or mark the posting as remote'
		]);
		expect(problems(apprenticeship({ education: undefined }))).toEqual([
			'education: a læreplads names its vocational education'
		]);
		expect(problems(apprenticeship({ type: 'frivilligt-arbejde' }))).toEqual([
			'pay: volunteering is not paid'
		]);
	});
});

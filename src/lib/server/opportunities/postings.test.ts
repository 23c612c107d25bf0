import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/index.ts';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { createOrganization } from '../directory/index.ts';
import { approveSubmission, submitOpportunity } from '../moderation/index.ts';
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
		employer = (
			await createOrganization(database.db, 'test', {
				name: 'Eksempel El-service',
				kind: 'employer'
			})
		).id;
	});
	afterEach(async () => database.close());

	const apprenticeship = (extra: Partial<OpportunityInput> = {}): OpportunityInput => ({
		organizationId: employer,
		type: 'laereplads',
		title: { da: 'Elev som elektriker', en: 'Electrician apprentice' },
		description: { da: 'Læreplads på elektrikeruddannelsen i Aalborg.' },
		education: 'Elektriker',
		specialisation: 'Bygningsautomatik',
		address: 'Testvej 1',
		postalCode: '9220',
		city: 'Aalborg Øst',
		pay: 'paid',
		hoursPerWeek: 37,
		applyEmail: 'job@el.example.dk',
		deadline: '2026-12-15',
		...extra
	});

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

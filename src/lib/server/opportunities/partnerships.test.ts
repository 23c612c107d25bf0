import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/index.ts';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { createOrganization } from '../directory/index.ts';
import { approveSubmission, reviewQueue, submitPartnership } from '../moderation/index.ts';
import { listPartnerships } from './index.ts';

describe.each(testEngines())('partnerships on $name', (engine) => {
	let database: Database;
	let employer: string;
	let school: string;
	const editor: Actor = { id: 'e', email: 'r@aalborg.dk', role: 'editor', organizationIds: [] };
	beforeEach(async () => {
		database = await engine.open();
		employer = (
			await createOrganization(database.db, 't', { name: 'Grøn Energi A/S', kind: 'employer' })
		).id;
		school = (
			await createOrganization(database.db, 't', { name: 'Aalborg Katedralskole', kind: 'school' })
		).id;
	});
	afterEach(async () => database.close());

	it('shows an approved partnership publicly and on every party’s page', async () => {
		const partner: Actor = {
			id: 'p',
			email: 'p@energi.dk',
			role: 'partner',
			organizationIds: [employer]
		};
		const id = await submitPartnership(database.db, partner, {
			organizationId: employer,
			partnerIds: [school],
			kinds: ['case-undervisning', 'gaesteundervisning'],
			title: { da: 'Vindmøller i fysiktimerne' },
			description: { da: 'Klasser regner på rigtige data fra vores vindmøller.' },
			programmes: ['Stx']
		});
		expect(await listPartnerships(database.db)).toEqual([]);
		const [queued] = await reviewQueue(database.db, editor);
		expect(queued).toMatchObject({ entityType: 'partnership', title: 'Vindmøller i fysiktimerne' });
		await approveSubmission(database.db, editor, id);
		const [shown] = await listPartnerships(database.db, { kind: 'case-undervisning' });
		expect(shown?.organizations.map((o) => o.name)).toEqual([
			'Grøn Energi A/S',
			'Aalborg Katedralskole'
		]);
		expect(await listPartnerships(database.db, { organizationId: school })).toHaveLength(1);
		expect(await listPartnerships(database.db, { kind: 'virksomhedsbesoeg' })).toEqual([]);
	});

	it('refuses a partnership with itself, with no kind, or with an unknown organisation', async () => {
		const partner: Actor = {
			id: 'p',
			email: 'p@energi.dk',
			role: 'partner',
			organizationIds: [employer]
		};
		const base = {
			organizationId: employer,
			partnerIds: [school],
			kinds: ['projekt' as const],
			title: { da: 'Projekt' },
			description: { da: 'Et projekt.' }
		};
		await expect(
			submitPartnership(database.db, partner, { ...base, partnerIds: [employer] })
		).rejects.toThrow('an organisation cannot be its own partner');
		await expect(submitPartnership(database.db, partner, { ...base, kinds: [] })).rejects.toThrow(
			'choose at least one kind'
		);
		// An organisation that does not exist is refused when proposed, not only at approval.
		await expect(
			submitPartnership(database.db, partner, {
				...base,
				partnerIds: ['00000000-0000-4000-8000-000000000000']
			})
		).rejects.toThrow('not a known organisation');
		expect(await listPartnerships(database.db)).toEqual([]);
	});
});

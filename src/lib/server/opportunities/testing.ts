// Fixtures for the job board's tests: an employer and a posting every test can start from.
import type { Db } from '../db/index.ts';
import { createOrganization } from '../directory/index.ts';
import type { OpportunityInput } from './postings.ts';

/** An employer organisation; returns its id. */
export async function exampleEmployer(db: Db, name = 'Eksempel El-service'): Promise<string> {
	return (await createOrganization(db, 'test', { name, kind: 'employer' })).id;
}

/** An electrician apprenticeship at `organizationId`, with `extra` on top. */
export function apprenticeship(
	organizationId: string,
	extra: Partial<OpportunityInput> = {}
): OpportunityInput {
	return {
		organizationId,
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
	};
}

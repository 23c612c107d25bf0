import { describe, expect, it } from 'vitest';
import { schemaOrgProblems, schemaOrgVocabulary } from './schema-org.ts';

describe('the schema.org check', () => {
	it('knows the vocabulary, parents included', () => {
		const vocab = schemaOrgVocabulary();
		expect(vocab.classes.has('JobPosting')).toBe(true);
		expect(vocab.propertiesOf('Service').has('availableChannel')).toBe(true);
		expect(vocab.propertiesOf('Service').has('name')).toBe(true); // from Thing
		expect(vocab.propertiesOf('EducationalOrganization').has('address')).toBe(true);
		expect(vocab.propertiesOf('ServiceChannel').has('availableLanguage')).toBe(true);
		expect(vocab.propertiesOf('Service').has('availableLanguage')).toBe(false);
	});

	it('finds what the issue found on offer pages, and passes the fix', async () => {
		const offer = {
			'@context': 'https://schema.org',
			'@type': 'Service',
			name: 'Lektiecafé',
			availableLanguage: ['da'],
			isAccessibleForFree: true,
			provider: { '@type': 'Organisation', name: 'Biblioteket' }
		};
		expect(await schemaOrgProblems(offer)).toEqual([
			'[0]: Service has no property "availableLanguage"',
			'[0]: Service has no property "isAccessibleForFree"',
			'[0].provider[0]: "Organisation" is not a schema.org type'
		]);
		const fixed = {
			'@context': 'https://schema.org',
			'@type': 'Service',
			name: 'Lektiecafé',
			availableChannel: { '@type': 'ServiceChannel', availableLanguage: ['da'] },
			offers: { '@type': 'Offer', price: 0, priceCurrency: 'DKK' },
			provider: { '@type': 'Organization', name: 'Biblioteket' }
		};
		expect(await schemaOrgProblems(fixed)).toEqual([]);
	});
});

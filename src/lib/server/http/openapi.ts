import { z } from 'zod';
import {
	apiErrorSchema,
	apiIndicatorList,
	apiOfferList,
	apiObservationList,
	apiOpportunityList,
	apiStrategy
} from '../../schemas/strategy-api.ts';
import { hsdsComponents, hsdsPageSchema } from './hsds-openapi.ts';

const jsonBody = (description: string, schema: object) => ({
	description,
	content: { 'application/json': { schema } }
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const errorResponse = (description: string) => ({
	description,
	content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
});

const hsdsPaging = [
	{
		name: 'page',
		in: 'query',
		required: false,
		schema: { type: 'integer', minimum: 1, default: 1 }
	},
	{
		name: 'per_page',
		in: 'query',
		required: false,
		schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 }
	}
];

/** The OpenAPI 3.1 document, with schemas generated from the same zod schemas the API uses. */
export function openApiDocument(serverUrl: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Uddannelsesby API',
			version: '1.0.0',
			description:
				"Open data from a municipality's education strategy. Every error is JSON: { error: { code, message, details? } }.",
			license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' }
		},
		servers: [{ url: serverUrl }],
		// Public: no operation needs credentials.
		security: [],
		paths: {
			'/api/v1/strategy': {
				get: {
					operationId: 'getStrategy',
					summary: 'The active strategy',
					parameters: [
						{
							name: 'lang',
							in: 'query',
							required: false,
							description:
								'Language of the text. English falls back to Danish where no translation exists.',
							schema: { type: 'string', enum: ['da', 'en'], default: 'da' }
						}
					],
					responses: {
						'200': {
							description: 'The active strategy',
							content: { 'application/json': { schema: { $ref: '#/components/schemas/Strategy' } } }
						},
						'400': errorResponse('Invalid query parameter'),
						'404': errorResponse('No strategy is active')
					}
				}
			},
			'/api/v1/indicators': {
				get: {
					operationId: 'listIndicators',
					summary: "The active strategy's indicators with latest value and status",
					parameters: [
						{
							name: 'lang',
							in: 'query',
							required: false,
							schema: { type: 'string', enum: ['da', 'en'], default: 'da' }
						}
					],
					responses: {
						'200': {
							description: 'Indicators',
							content: {
								'application/json': { schema: { $ref: '#/components/schemas/IndicatorList' } }
							}
						},
						'400': errorResponse('Invalid query parameter'),
						'404': errorResponse('No strategy is active')
					}
				}
			},
			'/api/v1/offers': {
				get: {
					operationId: 'searchOffers',
					summary: 'Search offers and support, ranked best first, with facet counts',
					parameters: [
						{ name: 'q', in: 'query', required: false, schema: { type: 'string', maxLength: 200 } },
						...['category', 'audience', 'lang', 'area'].map((name) => ({
							name,
							in: 'query',
							required: false,
							description: 'Repeat to allow several values (any of them matches).',
							schema: { type: 'array', items: { type: 'string' } },
							style: 'form',
							explode: true
						})),
						{ name: 'free', in: 'query', required: false, schema: { type: 'string', enum: ['1'] } },
						{
							name: 'open',
							in: 'query',
							required: false,
							description: 'Only offers open now by their weekly schedule (Danish time).',
							schema: { type: 'string', enum: ['1'] }
						},
						{
							name: 'near',
							in: 'query',
							required: false,
							description:
								'A postcode of the municipality, or an address when the installation has an address lookup (GEOCODER_URL; without one, anything but four digits is refused). Each item gets distanceKm from it; near and nearProblem in the answer say what it was measured from or why not.',
							schema: { type: 'string', minLength: 1, maxLength: 120 }
						},
						{
							name: 'sort',
							in: 'query',
							required: false,
							description: 'distance needs near.',
							schema: { type: 'string', enum: ['relevance', 'distance'], default: 'relevance' }
						},
						{
							name: 'age',
							in: 'query',
							required: false,
							schema: { type: 'integer', minimum: 0, maximum: 120 }
						},
						{
							name: 'page',
							in: 'query',
							required: false,
							schema: { type: 'integer', minimum: 1, default: 1 }
						},
						{
							name: 'locale',
							in: 'query',
							required: false,
							schema: { type: 'string', enum: ['da', 'en'], default: 'da' }
						}
					],
					responses: {
						'200': {
							description: 'Offers',
							content: {
								'application/json': { schema: { $ref: '#/components/schemas/OfferList' } }
							}
						},
						'400': errorResponse('Invalid query parameter')
					}
				}
			},
			'/api/v1/opportunities': {
				get: {
					operationId: 'searchOpportunities',
					summary:
						'Open job, placement, apprenticeship and volunteering postings, with counts per kind',
					parameters: [
						{ name: 'q', in: 'query', required: false, schema: { type: 'string', maxLength: 200 } },
						...['type', 'field', 'level', 'area'].map((name) => ({
							name,
							in: 'query',
							required: false,
							description:
								'Repeat to allow several values (any of them matches). field and level are codes of the taxonomy (jobFields, jobLevels); area is a postcode.',
							schema: { type: 'array', items: { type: 'string' } },
							style: 'form',
							explode: true
						})),
						{
							name: 'english',
							in: 'query',
							required: false,
							schema: { type: 'string', enum: ['1'] }
						},
						{
							name: 'hours',
							in: 'query',
							required: false,
							description: 'At most this many hours a week.',
							schema: { type: 'integer', minimum: 1, maximum: 60 }
						},
						{
							name: 'deadline',
							in: 'query',
							required: false,
							description: 'Deadline on or after this day.',
							schema: { type: 'string', format: 'date' }
						},
						{
							name: 'near',
							in: 'query',
							required: false,
							description:
								'A postcode of the municipality, or an address when the installation has an address lookup (GEOCODER_URL; without one, anything but four digits is refused). Each item gets distanceKm from it (from a postcode, its centre), null when the workplace has no place; near and nearProblem in the answer say what it was measured from or why not.',
							schema: { type: 'string', minLength: 1, maxLength: 120 }
						},
						{
							name: 'km',
							in: 'query',
							required: false,
							description: 'With near: only postings at most this far away (remote ones are kept).',
							schema: { type: 'integer', minimum: 1, maximum: 500 }
						},
						{
							name: 'sort',
							in: 'query',
							required: false,
							description: 'distance needs near; remote postings come last.',
							schema: { type: 'string', enum: ['relevance', 'newest', 'deadline', 'distance'] }
						},
						{
							name: 'page',
							in: 'query',
							required: false,
							schema: { type: 'integer', minimum: 1, default: 1 }
						},
						{
							name: 'locale',
							in: 'query',
							required: false,
							schema: { type: 'string', enum: ['da', 'en'], default: 'da' }
						}
					],
					responses: {
						'200': jsonBody('Open postings', ref('OpportunityList')),
						'400': errorResponse('Invalid query parameter')
					}
				}
			},
			'/api/hsds/services': {
				get: {
					operationId: 'hsdsServices',
					summary: 'HSDS 3.0: every offer as an HSDS service, paged',
					description:
						'Open Referral HSDS 3.0 read API. Danish text in the standard fields; English in x_name_en, x_description_en.',
					parameters: hsdsPaging,
					responses: {
						'200': jsonBody('An HSDS page of services', hsdsPageSchema('HSDS_service_list')),
						'400': errorResponse('Invalid page or per_page')
					}
				}
			},
			'/api/hsds/services/{id}': {
				get: {
					operationId: 'hsdsService',
					summary: 'HSDS 3.0: one service with its organisation, locations and schedules',
					parameters: [
						{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
					],
					responses: {
						'200': jsonBody('An HSDS service', ref('HSDS_service')),
						'404': errorResponse('No such service')
					}
				}
			},
			'/api/hsds/organizations': {
				get: {
					operationId: 'hsdsOrganizations',
					summary: 'HSDS 3.0: organisations, paged',
					parameters: hsdsPaging,
					responses: {
						'200': jsonBody(
							'An HSDS page of organizations',
							hsdsPageSchema('HSDS_organization_list')
						),
						'400': errorResponse('Invalid page or per_page')
					}
				}
			},
			'/api/hsds/organizations/{id}': {
				get: {
					operationId: 'hsdsOrganization',
					summary: 'HSDS 3.0: one organisation',
					parameters: [
						{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
					],
					responses: {
						'200': jsonBody('An HSDS organization', ref('HSDS_organization')),
						'404': errorResponse('No such organisation')
					}
				}
			},
			'/api/v1/indicators/{code}/observations': {
				get: {
					operationId: 'listObservations',
					summary: 'Observations of one indicator',
					description:
						'Any query parameter other than geo and period selects a breakdown, such as køn=Kvinder.',
					parameters: [
						{
							name: 'code',
							in: 'path',
							required: true,
							schema: { type: 'string' },
							example: 'frafald'
						},
						{
							name: 'geo',
							in: 'query',
							required: false,
							schema: { type: 'array', items: { type: 'string' } },
							style: 'form',
							explode: true
						},
						{
							name: 'period',
							in: 'query',
							required: false,
							schema: { type: 'array', items: { type: 'string' } },
							style: 'form',
							explode: true
						}
					],
					responses: {
						'200': {
							description: 'Observations',
							content: {
								'application/json': { schema: { $ref: '#/components/schemas/ObservationList' } }
							}
						},
						'400': errorResponse('Invalid query parameter'),
						'404': errorResponse('No such indicator')
					}
				}
			}
		},
		components: {
			schemas: {
				Strategy: z.toJSONSchema(apiStrategy, { target: 'draft-2020-12', io: 'output' }),
				IndicatorList: z.toJSONSchema(apiIndicatorList, { target: 'draft-2020-12', io: 'output' }),
				OfferList: z.toJSONSchema(apiOfferList, { target: 'draft-2020-12', io: 'output' }),
				OpportunityList: z.toJSONSchema(apiOpportunityList, {
					target: 'draft-2020-12',
					io: 'output'
				}),
				ObservationList: z.toJSONSchema(apiObservationList, {
					target: 'draft-2020-12',
					io: 'output'
				}),
				Error: z.toJSONSchema(apiErrorSchema, { target: 'draft-2020-12' }),
				...hsdsComponents()
			}
		}
	};
}

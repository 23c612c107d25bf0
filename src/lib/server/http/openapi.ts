import { z } from 'zod';
import {
	apiErrorSchema,
	apiIndicatorList,
	apiOfferList,
	apiObservationList,
	apiOpportunityList,
	apiEventList,
	apiProgramme,
	apiProgrammeList,
	apiSearch,
	apiStrategy,
	apiInitiativeList,
	apiFollowUp
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

/** An optional query parameter. */
const query = (name: string, schema: object, description?: string) => ({
	name,
	in: 'query',
	required: false,
	...(description ? { description } : {}),
	schema
});
/** Query parameters that may be repeated; any of their values matches. */
const repeated = (names: string[], description: string) =>
	names.map((name) => ({
		...query(name, { type: 'array', items: { type: 'string' } }, description),
		style: 'form',
		explode: true
	}));
const words = query('q', { type: 'string', maxLength: 200 });
const flag = (name: string, description?: string) =>
	query(name, { type: 'string', enum: ['1'] }, description);
const pageNumber = query('page', { type: 'integer', minimum: 1, default: 1 });
const locale = (name: string, description?: string) =>
	query(name, { type: 'string', enum: ['da', 'en'], default: 'da' }, description);
const near = (measured: string) =>
	query(
		'near',
		{ type: 'string', minLength: 1, maxLength: 120 },
		`A postcode of the municipality, or an address when the installation has an address lookup (GEOCODER_URL; without one, anything but four digits is refused). ${measured} near and nearProblem in the answer say what it was measured from or why not.`
	);
const hsdsPaging = [
	pageNumber,
	query('per_page', { type: 'integer', minimum: 1, maximum: 200, default: 50 })
];

/** The OpenAPI 3.1 document, with schemas generated from the same zod schemas the API uses. */
export function openApiDocument(serverUrl: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Uddannelsesby API',
			version: '1.2.0',
			description:
				"Open data from a municipality's education strategy. Every error is JSON: { error: { code, message, details? } }. " +
				"Changes in 1.1.0: a guidepost's actions are { code, text } objects (codes such as 1.2), no longer bare strings. " +
				'Changes in 1.2.0: /api/v1/initiatives and /api/v1/follow-up (the follow-up of the strategy).',
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
						locale(
							'lang',
							'Language of the text. English falls back to Danish where no translation exists.'
						)
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
					parameters: [locale('lang')],
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
						words,
						...repeated(
							['category', 'audience', 'lang', 'area'],
							'Repeat to allow several values (any of them matches).'
						),
						flag('free'),
						flag('open', 'Only offers open now by their weekly schedule (Danish time).'),
						near('Each item gets distanceKm from it;'),
						query(
							'sort',
							{ type: 'string', enum: ['relevance', 'distance', 'newest'], default: 'relevance' },
							'distance needs near; newest is by last change.'
						),
						query('age', { type: 'integer', minimum: 0, maximum: 120 }),
						pageNumber,
						locale('locale')
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
						words,
						...repeated(
							['type', 'field', 'level', 'area'],
							'Repeat to allow several values (any of them matches). field and level are codes of the taxonomy (jobFields, jobLevels); area is a postcode.'
						),
						flag('english'),
						query(
							'hours',
							{ type: 'integer', minimum: 1, maximum: 60 },
							'At most this many hours a week.'
						),
						query('deadline', { type: 'string', format: 'date' }, 'Deadline on or after this day.'),
						near(
							'Each item gets distanceKm from it (from a postcode, its centre), null when the workplace has no place;'
						),
						query(
							'km',
							{ type: 'integer', minimum: 1, maximum: 500 },
							'With near: only postings at most this far away (remote ones are kept).'
						),
						query(
							'sort',
							{ type: 'string', enum: ['relevance', 'newest', 'deadline', 'distance'] },
							'distance needs near; remote postings come last.'
						),
						pageNumber,
						locale('locale')
					],
					responses: {
						'200': jsonBody('Open postings', ref('OpportunityList')),
						'400': errorResponse('Invalid query parameter')
					}
				}
			},
			'/api/v1/events': {
				get: {
					operationId: 'searchEvents',
					summary: 'Coming events (open houses, fairs, bridge-building …), soonest first',
					description:
						'Times are ISO 8601 with their offset in Denmark. The same list as an iCalendar feed: /arrangementer/kalender.ics with the same parameters.',
					parameters: [
						words,
						...repeated(
							['kind', 'level', 'audience', 'organiser'],
							'Repeat to allow several values (any of them matches). kind, level and audience are codes of the taxonomy; organiser is an organisation’s slug.'
						),
						flag('free', 'Only free events.'),
						query(
							'from',
							{ type: 'string', format: 'date' },
							'On or after this day (Danish time).'
						),
						query('to', { type: 'string', format: 'date' }, 'On or before this day (Danish time).'),
						pageNumber,
						locale('locale')
					],
					responses: {
						'200': jsonBody('Coming events', ref('EventList')),
						'400': errorResponse('Invalid query parameter')
					}
				}
			},
			'/api/v1/search': {
				get: {
					operationId: 'searchEverything',
					summary: 'One search: programmes, institutions, offers, postings and events',
					description:
						'The first few hits of each kind, grouped in that order, with how many of each kind match.',
					parameters: [words, locale('locale')],
					responses: {
						'200': jsonBody('Hits grouped by kind', ref('SearchResults')),
						'400': errorResponse('No words, or too many')
					}
				}
			},
			'/api/v1/programmes': {
				get: {
					operationId: 'searchProgrammes',
					summary: 'Programmes at the municipality’s institutions, with counts per filter',
					parameters: [
						words,
						...repeated(
							['level', 'field', 'institution', 'lang', 'duration'],
							'Repeat to allow several values (any of them matches). level is a code of taxonomy/programmes.yaml, field a DISCED-15 broad field (two digits), institution an organisation’s slug, lang da or en, duration under-1, 1-2, 2-3, 3-4 or over-4 (years).'
						),
						flag('su', 'Only programmes that give SU.'),
						pageNumber,
						locale('locale')
					],
					responses: {
						'200': jsonBody('Programmes', ref('ProgrammeList')),
						'400': errorResponse('Invalid query parameter')
					}
				}
			},
			'/api/v1/programmes.csv': {
				get: {
					operationId: 'exportProgrammes',
					summary: 'Every programme as CSV in the import template’s columns',
					description:
						'Semicolon-separated UTF-8 with a byte order mark, as Danish Excel reads it; the columns are those of `npx uddannelsesby programmes import` (docs/data-formats.md), so the file reads back unchanged.',
					parameters: [
						query(
							'demo',
							{ type: 'boolean', default: true },
							'false leaves the demo programmes out.'
						)
					],
					responses: {
						'200': {
							description: 'The programmes',
							content: { 'text/csv': { schema: { type: 'string' } } }
						},
						'400': errorResponse('demo is neither true nor false')
					}
				}
			},
			'/api/v1/programmes/{slug}': {
				get: {
					operationId: 'getProgramme',
					summary: 'A programme with its admission requirements, deadlines and figures',
					description:
						'Deadlines are the next time each falls, with the offset in Denmark. A figure its publisher withheld is null and named in notPublished.',
					parameters: [
						{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } },
						locale('locale')
					],
					responses: {
						'200': jsonBody('The programme', ref('Programme')),
						'404': errorResponse('No programme has that slug')
					}
				}
			},
			'/api/v1/initiatives': {
				get: {
					operationId: 'listInitiatives',
					summary:
						'Initiatives that carry out the strategy’s actions, with their latest approved status',
					description:
						'Only approved updates are published; drafts and returned versions never are.',
					parameters: [locale('locale')],
					responses: {
						'200': jsonBody('Initiatives', ref('InitiativeList')),
						'400': errorResponse('Invalid query parameter')
					}
				}
			},
			'/api/v1/follow-up': {
				get: {
					operationId: 'followUp',
					summary: 'Roll-up of the initiatives per guidepost and action',
					description:
						'Live figures, or with round the snapshot a closed reporting round froze. Progress is weighted by budget when every initiative has one, else a plain mean.',
					parameters: [
						query('round', { type: 'string', format: 'uuid' }, 'A closed reporting round.')
					],
					responses: {
						'200': jsonBody('The roll-up', ref('FollowUp')),
						'404': errorResponse('No such closed round, or no strategy is active')
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
						...repeated(['geo', 'period'], 'Repeat to allow several values (any of them matches).')
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
				EventList: z.toJSONSchema(apiEventList, { target: 'draft-2020-12', io: 'output' }),
				SearchResults: z.toJSONSchema(apiSearch, { target: 'draft-2020-12', io: 'output' }),
				ProgrammeList: z.toJSONSchema(apiProgrammeList, { target: 'draft-2020-12', io: 'output' }),
				Programme: z.toJSONSchema(apiProgramme, { target: 'draft-2020-12', io: 'output' }),
				ObservationList: z.toJSONSchema(apiObservationList, {
					target: 'draft-2020-12',
					io: 'output'
				}),
				InitiativeList: z.toJSONSchema(apiInitiativeList, {
					target: 'draft-2020-12',
					io: 'output'
				}),
				FollowUp: z.toJSONSchema(apiFollowUp, { target: 'draft-2020-12', io: 'output' }),
				Error: z.toJSONSchema(apiErrorSchema, { target: 'draft-2020-12' }),
				...hsdsComponents()
			}
		}
	};
}

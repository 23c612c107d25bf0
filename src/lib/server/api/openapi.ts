import { z } from 'zod';
import { apiErrorSchema, apiStrategy } from '../../schemas/strategy-api.ts';

const errorResponse = (description: string) => ({
	description,
	content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
});

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
			}
		},
		components: {
			schemas: {
				Strategy: z.toJSONSchema(apiStrategy, { target: 'draft-2020-12', io: 'output' }),
				Error: z.toJSONSchema(apiErrorSchema, { target: 'draft-2020-12' })
			}
		}
	};
}

import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi.ts';

describe('the OpenAPI document', () => {
	const document = openApiDocument('https://uddannelsesby.example');

	it("passes Redocly's recommended rules without a single problem", async () => {
		const config = await createConfig({ extends: ['recommended'] });
		const problems = await lintFromString({
			source: JSON.stringify(document),
			absoluteRef: 'openapi.json',
			config
		});
		expect(
			problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)
		).toEqual([]);
	}, 30_000);

	it('declares the body of every answer, and the public API needs no credentials', () => {
		expect(document.security).toEqual([]);
		for (const [path, item] of Object.entries(document.paths))
			for (const [status, response] of Object.entries(item.get.responses))
				expect(
					(response as { content?: unknown }).content,
					`GET ${path} ${status} declares its body`
				).toBeDefined();
	});
});

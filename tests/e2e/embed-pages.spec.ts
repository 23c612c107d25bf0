import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

/** A school's own page on another origin, framing our embed as the builder's snippet does. */
async function schoolPage(snippet: string): Promise<{ url: string; close: () => Promise<void> }> {
	const server: Server = createServer((_request, response) => {
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		response.end(
			`<!doctype html><html lang="da"><head><title>Eksempelskolen</title></head><body><main><h1>Eksempelskolen</h1>${snippet}</main></body></html>`
		);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
		close: () => new Promise((done) => server.close(() => done()))
	};
}

test('only embed pages may be framed: their headers, and every other page’s', async ({
	request
}) => {
	for (const path of [
		'/indlejr/arrangementer',
		'/indlejr/job?type=laereplads',
		'/indlejr/tilbud',
		'/indlejr/uddannelser?level=eud',
		'/en/embed/events',
		'/en/embed/jobs',
		'/en/embed/offers',
		'/en/embed/programmes'
	]) {
		const answer = await request.get(path);
		expect(answer.status(), path).toBe(200);
		const headers = answer.headers();
		expect(headers['content-security-policy'], path).toContain('frame-ancestors *');
		expect(headers['x-frame-options'], path).toBeUndefined();
		expect(headers['set-cookie'], path).toBeUndefined();
	}
	for (const path of [
		'/',
		'/arrangementer',
		'/job',
		'/tilbud',
		'/uddannelser',
		'/indlejr',
		'/en/embed',
		'/data'
	]) {
		const headers = (await request.get(path)).headers();
		expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
		expect(headers['x-frame-options'], path).toBe('DENY');
	}
});

test('a school’s page on another origin frames the event list, which fits its frame and passes axe', async ({
	page,
	baseURL
}) => {
	const school = await schoolPage(
		`<iframe data-uddannelsesby src="${baseURL}/indlejr/arrangementer?antal=3" title="Arrangementer – Uddannelsesby" width="100%" height="150" style="border:0"></iframe>` +
			`<script src="${baseURL}/js/indlejr.js" async></script>` +
			`<iframe id="refused" src="${baseURL}/arrangementer" title="Ikke tilladt"></iframe>`
	);
	try {
		await page.goto(school.url);
		const list = page.frameLocator('iframe[data-uddannelsesby]');
		await expect(list.locator('h1')).toHaveText('Arrangementer');
		const links = list.locator('li a');
		await expect(links).toHaveCount(3);
		await expect(links.first()).toHaveAttribute('target', '_blank');
		await expect(links.first()).toContainText('(åbner i en ny fane)');
		await expect(list.getByRole('link', { name: /Se alle på Uddannelsesby/ })).toHaveAttribute(
			'href',
			`${baseURL}/arrangementer`
		);
		// The optional script fits the frame to the list (taller than the snippet's 150 px).
		await expect
			.poll(async () => (await page.locator('iframe[data-uddannelsesby]').boundingBox())!.height)
			.toBeGreaterThan(250);
		const results = await new AxeBuilder({ page })
			.include('iframe[data-uddannelsesby]')
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze();
		expect(results.violations.map((v) => v.id)).toEqual([]);
		// Any other page refuses to be framed: the browser shows nothing of it.
		const refused = page
			.frames()
			.find((f) => f.url().includes('/arrangementer') && !f.url().includes('indlejr'));
		expect(refused === undefined || (await refused.locator('h1').count()) === 0).toBe(true);
	} finally {
		await school.close();
	}
});

test('the builder makes a snippet with a title and a plain link from a pasted search, and refuses another site’s address', async ({
	page,
	baseURL
}) => {
	await page.goto('/indlejr');
	await page.getByLabel('Job og praktik').check();
	await page.getByLabel('Antal').fill('4');
	await page
		.getByLabel('Filtre (valgfrit)')
		.fill(`${baseURL}/arrangementer?kind=brobygning&page=2`);
	await page.getByRole('button', { name: 'Lav koden' }).click();
	// The pasted address names the list: events, with its filter, without its page.
	const snippet = await page.getByLabel('Kode til din hjemmeside').inputValue();
	expect(snippet).toContain(`src="${baseURL}/indlejr/arrangementer?kind=brobygning&amp;antal=4"`);
	expect(snippet).toContain('title="Arrangementer – Uddannelsesby"');
	await expect(
		page.getByRole('link', { name: `${baseURL}/arrangementer?kind=brobygning` })
	).toBeVisible();
	await expect(
		page.frameLocator('iframe.embed-preview').getByRole('link', { name: /Brobygning/ })
	).toBeVisible();
	await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();

	await page.goto('/en/embed');
	await page.getByLabel('Filters (optional)').fill('https://example.org/job');
	await page.getByRole('button', { name: 'Make the code' }).click();
	await expect(page.locator('main')).toContainText('The address is not one of this site’s lists');
	await expect(page.locator('#embed-snippet')).toHaveCount(0);
});

test('oEmbed: a list page names its oEmbed answer, which frames the same search @engine', async ({
	page,
	request,
	baseURL
}) => {
	await page.goto('/en/jobs?type=laereplads');
	const href = await page.locator('link[type="application/json+oembed"]').getAttribute('href');
	const answer = await request.get(href!);
	expect(answer.status()).toBe(200);
	const body = await answer.json();
	expect(body).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Uddannelsesby' });
	expect(body.html).toContain(`src="${baseURL}/en/embed/jobs?type=laereplads&amp;antal=5"`);
	expect(body.html).toContain('title="Jobs and placements – Uddannelsesby"');
	const unknown = await request.get(
		`/api/oembed?url=${encodeURIComponent('https://example.org/arrangementer')}`
	);
	expect(unknown.status()).toBe(404);
	const strategy = await request.get(
		`/api/oembed?url=${encodeURIComponent(`${baseURL}/strategi`)}`
	);
	expect(strategy.status()).toBe(404);

	// The programme list too: its embed lists the same programmes, linked to the full site.
	await page.goto('/uddannelser?level=professionsbachelor');
	const programmes = await request.get(
		(await page.locator('link[type="application/json+oembed"]').getAttribute('href'))!
	);
	const embedded = await programmes.json();
	expect(embedded.html).toContain(
		`src="${baseURL}/indlejr/uddannelser?level=professionsbachelor&amp;antal=5"`
	);
	expect(embedded.title).toBe('Uddannelser – Uddannelsesby');
	const first = (await page.locator('main h2 a, main h3 a').first().textContent())!.trim();
	await page.goto('/indlejr/uddannelser?level=professionsbachelor&antal=5');
	await expect(page.locator('li a').first()).toContainText(first);
	await expect(page.locator('li a').first()).toHaveAttribute('target', '_blank');
});

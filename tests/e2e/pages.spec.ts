import { expect, test } from '@playwright/test';
import { layoutProblems } from './layout.ts';
import { parseAtomFeed } from 'feedsmith';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { schemaOrgProblems } from '../support/schema-org.ts';
import { expectNoAxeViolations } from './axe.ts';
import {
	apiErrorSchema,
	apiIndicatorList,
	apiObservationList,
	apiStrategy
} from '../../src/lib/schemas/strategy-api.ts';

/** Every public page, in Danish and English, with the heading a reader should see. */
const pages: { da: string; en: string; h1da: string; h1en: string }[] = [
	{
		da: '/',
		en: '/en',
		h1da: 'Find din vej',
		h1en: 'Find your way'
	},
	{
		da: '/pejlemaerker/uddannelse-for-alle',
		en: '/en/guideposts/uddannelse-for-alle',
		h1da: 'Uddannelse for alle',
		h1en: 'Education for all'
	},
	{
		da: '/pejlemaerker/trivsel-og-faellesskaber',
		en: '/en/guideposts/trivsel-og-faellesskaber',
		h1da: 'Trivsel og meningsfulde fællesskaber',
		h1en: 'Wellbeing and meaningful communities'
	},
	{
		da: '/pejlemaerker/gode-overgange',
		en: '/en/guideposts/gode-overgange',
		h1da: 'Gode overgange mellem uddannelser og beskæftigelse',
		h1en: 'Good transitions between education and employment'
	},
	{
		da: '/strategi',
		en: '/en/strategy',
		h1da: 'Uddannelsesstrategi 2023-2026',
		h1en: 'Education Strategy 2023-2026'
	},
	{ da: '/indikatorer', en: '/en/indicators', h1da: 'Indikatorer', h1en: 'Indicators' },
	{ da: '/data', en: '/en/data', h1da: 'Åbne data', h1en: 'Open data' },
	{
		da: '/indikatorer/omraader/frafald',
		en: '/en/indicators/areas/frafald',
		h1da: 'Vælg områder',
		h1en: 'Choose areas'
	},
	{
		da: '/indikatorer/frafald',
		en: '/en/indicators/frafald',
		h1da: 'En mindre andel elever/studerende frafalder uddannelse',
		h1en: 'A smaller share of pupils and students drop out of education'
	},
	{
		da: '/tilbud',
		en: '/en/offers',
		h1da: 'Find tilbud og støtte',
		h1en: 'Find offers and support'
	},
	{
		da: '/tilbud/specialpaedagogisk-stoette-sps',
		en: '/en/offers/specialpaedagogisk-stoette-sps',
		h1da: 'Specialpædagogisk støtte (SPS)',
		h1en: 'Special educational support (SPS)'
	},
	{
		da: '/organisationer/eksempelgymnasiet-demo',
		en: '/en/organisations/eksempelgymnasiet-demo',
		h1da: 'Eksempelgymnasiet (demo)',
		h1en: 'Eksempelgymnasiet (demo)'
	},
	{
		da: '/job',
		en: '/en/jobs',
		h1da: 'Job, praktik og frivilligt arbejde',
		h1en: 'Jobs, placements and volunteering'
	},
	{
		da: '/job/elev-som-elektriker',
		en: '/en/jobs/elev-som-elektriker',
		h1da: 'Elev som elektriker',
		h1en: 'Electrician apprentice'
	},
	{ da: '/uddannelser', en: '/en/programmes', h1da: 'Uddannelser', h1en: 'Programmes' },
	{
		da: '/uddannelser/sygeplejerske-professionshoejskolen-ucn',
		en: '/en/programmes/sygeplejerske-professionshoejskolen-ucn',
		h1da: 'Sygeplejerske',
		h1en: 'Nurse'
	},
	{
		da: '/uddannelser/datamatiker-eksempel-professionshoejskole-demo',
		en: '/en/programmes/datamatiker-eksempel-professionshoejskole-demo',
		h1da: 'Datamatiker',
		h1en: 'Computer science (AP)'
	},
	{
		da: '/uddannelser/veje?niveau=hf&fag_matematik=C&fag_engelsk=B',
		en: '/en/programmes/pathways?niveau=hf&fag_matematik=C&fag_engelsk=B',
		h1da: 'Dine veje videre',
		h1en: 'Your pathways'
	},
	{
		da: '/uddannelser/sammenlign?ids=datalogi-aalborg-universitet%2Cdatamatiker-eksempel-professionshoejskole-demo',
		en: '/en/programmes/compare?ids=datalogi-aalborg-universitet%2Cdatamatiker-eksempel-professionshoejskole-demo',
		h1da: 'Sammenlign uddannelser',
		h1en: 'Compare programmes'
	},
	{ da: '/soeg?q=gymnasium', en: '/en/search?q=gymnasium', h1da: 'Søg', h1en: 'Search' },
	{ da: '/arrangementer', en: '/en/events', h1da: 'Arrangementer', h1en: 'Events' },
	{
		da: '/arrangementer/arkiv',
		en: '/en/events/archive',
		h1da: 'Tidligere arrangementer',
		h1en: 'Past events'
	},
	{
		da: '/partnerskaber',
		en: '/en/partnerships',
		h1da: 'Partnerskaber mellem virksomheder og uddannelser',
		h1en: 'Partnerships between employers and education'
	},
	{
		da: '/opfoelgning',
		en: '/en/follow-up',
		h1da: 'Opfølgning på strategien',
		h1en: 'Following up the strategy'
	},
	{
		da: '/indsatser/lektiecafe-med-frivillige-demo',
		en: '/en/initiatives/lektiecafe-med-frivillige-demo',
		h1da: 'Lektiecafé med frivillige (demo)',
		h1en: 'Homework café with volunteers (demo)'
	},
	{ da: '/om', en: '/en/about', h1da: 'Om Uddannelsesby', h1en: 'About Uddannelsesby' },
	{
		da: '/privatlivspolitik',
		en: '/en/privacy',
		h1da: 'Privatlivspolitik',
		h1en: 'Privacy policy'
	},
	{
		da: '/tilgaengelighedserklaering',
		en: '/en/accessibility-statement',
		h1da: 'Tilgængeligheds\u00aderklæring',
		h1en: 'Accessibility statement'
	},
	{
		// The embed builder with a list chosen: the form, the preview and the code to copy.
		da: '/indlejr?liste=job&antal=3',
		en: '/en/embed?liste=job&antal=3',
		h1da: 'Indlejr en liste',
		h1en: 'Embed a list'
	}
];

for (const p of pages) {
	for (const locale of ['da', 'en'] as const) {
		const path = p[locale];
		test(`${path} has its content, the site frame and no axe WCAG 2.1 AA violation`, async ({
			page
		}) => {
			const response = await page.goto(path);
			expect(response?.status()).toBe(200);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.locator('h1')).toHaveText(locale === 'da' ? p.h1da : p.h1en);
			await expect(page.locator('header .authority-name')).toHaveText(
				locale === 'da' ? 'Aalborg Kommune' : 'Aalborg Municipality'
			);
			const footer = page.locator('footer');
			await expect(footer).toContainText('Boulevarden 13');
			await expect(footer).toContainText('9000 Aalborg');
			await expect(footer).toContainText('29189420');
			await expect(
				footer.getByRole('link', {
					name: locale === 'da' ? 'Tilgængelighedserklæring' : 'Accessibility statement'
				})
			).toHaveAttribute(
				'href',
				locale === 'da' ? '/tilgaengelighedserklaering' : '/en/accessibility-statement'
			);
			await expectNoAxeViolations(page);
		});
	}

	test(`the language switch on ${p.da} keeps the reader on the same content`, async ({ page }) => {
		await page.goto(p.da);
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page).toHaveURL(p.en);
		await expect(page.locator('h1')).toHaveText(p.h1en);
		// The current language is the one marked, in words and in looks.
		const english = page.getByRole('link', { name: 'English' });
		const danish = page.getByRole('link', { name: 'Dansk' });
		await expect(english).toHaveAttribute('aria-current', 'true');
		await expect(danish).not.toHaveAttribute('aria-current');
		await expect(english).toHaveCSS('font-weight', '600');
		await expect(danish).toHaveCSS('font-weight', '400');
		await page.getByRole('link', { name: 'Dansk' }).click();
		await expect(page).toHaveURL(p.da);
		await expect(page.locator('h1')).toHaveText(p.h1da);
	});
}

test('the privacy page states how long each kind of data is kept, as configured', async ({
	page
}) => {
	await page.goto('/privatlivspolitik');
	const list = page.locator('h2:has-text("Hvor længe vi gemmer oplysninger") + p + ul');
	await expect(list).toContainText('mails i udbakken efter 90 dage');
	await expect(list).toContainText('job- og praktikopslag 2 år efter, at de er lukket');
	await expect(list).toContainText('revisionsloggen efter 5 år');
	await expect(page.getByText('Serveren gemmer de 14 nyeste')).toBeVisible();
	await page.goto('/en/privacy');
	await expect(page.getByText('the audit log after 5 years')).toBeVisible();
});

test('the language switch keeps the search: words, filters and page', async ({ page }) => {
	await page.goto('/tilbud?q=lektiehj%C3%A6lp&free=1');
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL('/en/offers?q=lektiehj%C3%A6lp&free=1');
	await expect(page.getByLabel('Search', { exact: true })).toHaveValue('lektiehjælp');
	await page.goto('/en/jobs?type=studiejob&page=2');
	await page.getByRole('link', { name: 'Dansk' }).click();
	await expect(page).toHaveURL('/job?type=studiejob&page=2');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('every page is readable and ships no script but three small enhancements', async ({
		page,
		request
	}) => {
		// The offer search may name the map script, which does nothing until a reader asks for
		// the map; the area page its filter field; the embed builder the script that fits its
		// preview to the list, as a host page may.
		const enhancements: Record<string, string> = {
			'/tilbud': '/js/offer-map.js',
			'/indikatorer/omraader/frafald': '/js/list-filter.js',
			'/indlejr?liste=job&antal=3': '/js/indlejr.js'
		};
		for (const p of pages) {
			await page.goto(p.da);
			await expect(page.locator('h1')).toHaveText(p.h1da);
			// Structured data (JSON-LD) is a data block, not a script that runs.
			const scripts = page.locator('script:not([type="application/ld+json"])');
			const allowed = enhancements[p.da];
			if (allowed) {
				await expect(scripts).toHaveCount(1);
				expect(await scripts.getAttribute('src')).toBe(allowed);
			} else await expect(scripts).toHaveCount(0);
		}
		// Each stays far inside the 50 KB budget; Leaflet loads only on request.
		for (const script of Object.values(enhancements)) {
			const body = await request.get(script);
			expect((await body.body()).length).toBeLessThan(5_000);
		}
	});
});

test(
	'every public page, in both languages, fits 320, 390 and 1280 px with no text under 12 px',
	{
		tag: '@full-browser'
	},
	async ({ page }) => {
		const more = [
			['/log-ind', '/en/login'],
			['/glemt-adgangskode', '/en/forgot-password'],
			['/job/besked', '/en/jobs/alert'],
			['/arrangementer?visning=maaned', '/en/events?visning=maaned'],
			['/afvist', '/en/refused']
		];
		const problems: string[] = [];
		for (const path of [...pages.flatMap((p) => [p.da, p.en]), ...more.flat()]) {
			await page.goto(path);
			problems.push(...(await layoutProblems(page, path)));
		}
		expect(problems).toEqual([]);
	}
);

test.describe('on a phone (390 × 844 px)', () => {
	test.use({ viewport: { width: 390, height: 844 } });
	for (const path of ['/tilbud?category=lektiehjaelp&free=1', '/job', '/en/offers', '/en/jobs'])
		test(`${path}: results within the first screen, filters and menu folded`, async ({ page }) => {
			await page.goto(path);
			const first = await page.locator('.offer-list > li').first().boundingBox();
			expect(first!.y, 'the first result starts within the first screen').toBeLessThan(844);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				390
			);
			const filter = page.locator('.filter-panel input[type=checkbox]').first();
			await expect(filter).toBeHidden();
			await page.locator('.filter-panel-summary').click();
			await expect(filter).toBeVisible();
			const menuLink = page.locator('nav.nav a').first();
			await expect(menuLink).toBeHidden();
			await page.locator('.site-menu-summary').click();
			await expect(menuLink).toBeVisible();
		});

	test('the folded filters say how many are chosen, and work without JavaScript', async ({
		browser
	}) => {
		const context = await browser.newContext({
			javaScriptEnabled: false,
			viewport: { width: 390, height: 844 }
		});
		const page = await context.newPage();
		await page.goto('/tilbud?category=lektiehjaelp&free=1');
		await expect(page.locator('.filter-panel-summary')).toContainText('2 valgt');
		await page.locator('.filter-panel-summary').click();
		await page.getByLabel('Kun tilbud, der har åbent nu').check();
		await page.getByRole('button', { name: 'Vis resultater' }).click();
		await expect(page).toHaveURL(/open=1/);
		await expect(page.locator('.filter-panel-summary')).toContainText('3 valgt');
		await context.close();
	});
});

test('Danish text on English pages is marked Danish, and breadcrumbs have separators', async ({
	page
}) => {
	await page.goto('/en/jobs?q=opvasker');
	const untranslated = page.locator('.offer-list a[lang="da"]').first();
	await expect(untranslated).toBeVisible();
	await untranslated.click();
	await expect(page.locator('h1')).toHaveAttribute('lang', 'da');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.goto('/pejlemaerker/uddannelse-for-alle');
	const second = page.locator('.breadcrumbs__list-item').nth(1);
	expect(
		await second.evaluate((li) => getComputedStyle(li, '::before').getPropertyValue('content'))
	).toContain('/');
});

test('on a wide screen the filters and the menu stand open', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('/job');
	await expect(page.locator('.filter-panel input[type=checkbox]').first()).toBeVisible();
	await expect(page.locator('.filter-panel-summary')).toBeHidden();
	await expect(page.locator('nav.nav a').first()).toBeVisible();
	await expect(page.locator('.site-menu-summary')).toBeHidden();
});

test('a pejlemærke page shows ambitions, actions and indicators with the wanted direction', async ({
	page
}) => {
	await page.goto('/pejlemaerker/uddannelse-for-alle');
	const ambitions = page.locator('section', {
		has: page.getByRole('heading', { name: 'Vores ambition er, at' })
	});
	await expect(ambitions.locator('li')).toHaveCount(2);
	await expect(ambitions).toContainText('Alle skal have mulighed for at tage en uddannelse');
	const actions = page.locator('section', {
		has: page.getByRole('heading', { name: 'Derfor arbejder vi på, at' })
	});
	await expect(actions.locator('li')).toHaveCount(2);
	const indicators = page.locator('section', {
		has: page.getByRole('heading', { name: 'Indikatorer' })
	});
	await expect(indicators.locator('li')).toHaveCount(3);
	await expect(indicators.locator('li').first()).toContainText(
		'En mindre andel elever/studerende frafalder uddannelse'
	);
	await expect(indicators.locator('li').first()).toContainText('skal falde');
	await expect(indicators.locator('li').nth(1)).toContainText('skal stige');
});

test('the front page leads into each pejlemærke and lists all seven indicators', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.locator('blockquote')).toContainText(
		'Aalborg skal være en mangfoldig uddannelsesby'
	);
	await page
		.getByRole('link', { name: /Trivsel og meningsfulde fællesskaber/ })
		.first()
		.click();
	await expect(page).toHaveURL('/pejlemaerker/trivsel-og-faellesskaber');
	await page.goto('/');
	await expect(page.locator('table tbody tr')).toHaveCount(7);
});

test('the strategy page has the foreword, vision, policies, SDG link, council and departments', async ({
	page
}) => {
	await page.goto('/strategi');
	for (const heading of [
		'Forord',
		'Sammen udvikler vi Aalborg som uddannelsesby',
		'Vision',
		'Mangfoldighed',
		'Sammenhæng med andre strategier og politikker',
		'Uddannelsesrådets rolle',
		'Verdensmålene',
		'Hvis du vil vide mere'
	]) {
		await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
	}
	await expect(page.getByText('Nuuradiin S. Hussein')).toBeVisible();
	await expect(page.getByRole('link', { name: '99 31 25 30' })).toHaveAttribute(
		'href',
		'tel:+4599312530'
	);
	await expect(page.getByRole('link', { name: 'Verdensmål 10' })).toHaveAttribute(
		'href',
		'https://sdgs.un.org/goals/goal10'
	);
	await expect(page.locator('section[aria-labelledby="verdensmaal"] strong')).toHaveText('Ulighed');
	await expect(
		page.getByRole('link', { name: 'Se kommunens politikker og strategier' })
	).toHaveAttribute('href', /aalborg\.dk/);
});

test('the keyboard reaches the skip link first and it moves focus to the content', async ({
	page
}) => {
	await page.goto('/strategi');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Gå til sidens indhold' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#main-content$/);
	await page.keyboard.press('Tab');
	const focusedInMain = await page.evaluate(() => document.activeElement?.closest('main') !== null);
	expect(focusedInMain).toBe(true);
});

test("/was redirects to the accessibility statement in the reader's language", async ({
	page,
	request
}) => {
	const da = await request.get('/was', { maxRedirects: 0 });
	expect(da.status()).toBe(308);
	expect(da.headers()['location']).toBe('/tilgaengelighedserklaering');
	const en = await request.get('/en/was', { maxRedirects: 0 });
	expect(en.headers()['location']).toBe('/en/accessibility-statement');
	await page.goto('/was');
	await expect(page.locator('h1')).toHaveText('Tilgængeligheds\u00aderklæring');
	await expect(page.getByText(/Kontakt Aalborg Kommune via www\.aalborg\.dk/)).toBeVisible();
	// The about page points to what exists, rather than calling it "coming".
	await page.goto('/om');
	for (const name of ['Indikatorerne', 'Tilbud og støtte', 'Job og praktik'])
		await expect(page.locator('main').getByRole('link', { name })).toBeVisible();
	await expect(page.getByText('Hvad kommer der?')).toHaveCount(0);
});

test('an unknown page answers 404 with a helpful page in the right language', async ({ page }) => {
	const da = await page.goto('/findes-ikke');
	expect(da?.status()).toBe(404);
	await expect(page.locator('h1')).toHaveText('Siden findes ikke');
	const en = await page.goto('/en/guideposts/does-not-exist');
	expect(en?.status()).toBe(404);
	await expect(page.locator('h1')).toHaveText('Page not found');
	await expectNoAxeViolations(page);
});

test('pages carry the security headers', async ({ request }) => {
	const response = await request.get('/');
	const headers = response.headers();
	const csp = headers['content-security-policy'] ?? '';
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toMatch(/script-src 'self'/);
	expect(csp).not.toContain('unsafe-inline');
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});

test('a cross-site form post is refused by the origin check', async ({ request }) => {
	const response = await request.post('/', {
		headers: {
			origin: 'https://evil.example',
			'content-type': 'application/x-www-form-urlencoded'
		},
		data: 'a=1'
	});
	expect(response.status()).toBe(403);
});

test.describe('health and API', () => {
	test('healthz and readyz answer', async ({ request }) => {
		// Metrics need METRICS_TOKEN, which this server has not set: they are not there at all.
		expect((await request.get('/metrics')).status()).toBe(404);
		expect(await (await request.get('/healthz')).json()).toEqual({
			status: 'ok',
			version: expect.stringMatching(/^\d+\.\d+\.\d+/),
			migration: expect.stringMatching(/^\d{4}_[a-z_]+$/)
		});
		const ready = await request.get('/readyz');
		expect(ready.status()).toBe(200);
		expect(await ready.json()).toMatchObject({
			ready: true,
			checks: { database: 'ok', migrations: 'current' }
		});
	});

	test(
		'the strategy API returns the active strategy in both languages, matching its schema',
		{ tag: '@engine' },
		async ({ request }) => {
			const da = apiStrategy.parse(await (await request.get('/api/v1/strategy')).json());
			expect(da.slug).toBe('aalborg-2023-2026');
			expect(da.guideposts.map((g) => g.slug)).toEqual([
				'uddannelse-for-alle',
				'trivsel-og-faellesskaber',
				'gode-overgange'
			]);
			expect(da.guideposts.flatMap((g) => g.indicators)).toHaveLength(7);
			const en = apiStrategy.parse(await (await request.get('/api/v1/strategy?lang=en')).json());
			expect(en.guideposts[2]?.indicators[0]).toEqual({
				code: 'ledige-dimittender',
				title: 'A smaller share of graduates are unemployed',
				direction: 'decrease'
			});
		}
	);

	test('API errors are JSON with a code, a message and the right status', async ({ request }) => {
		const bad = await request.get('/api/v1/strategy?lang=fr');
		expect(bad.status()).toBe(400);
		const badBody = apiErrorSchema.parse(await bad.json());
		expect(badBody.error.code).toBe('bad_request');
		expect(badBody.error.details).toEqual([
			{ parameter: 'lang', message: 'lang must be "da" or "en"' }
		]);

		const missing = await request.get('/api/v1/nothing-here');
		expect(missing.status()).toBe(404);
		expect(apiErrorSchema.parse(await missing.json()).error.code).toBe('not_found');

		const wrongMethod = await request.post('/api/v1/strategy', { data: {} });
		expect(wrongMethod.status()).toBe(405);
		expect(apiErrorSchema.parse(await wrongMethod.json()).error.code).toBe('method_not_allowed');
	});

	test('every GET operation answers as the OpenAPI document declares', async ({ request }) => {
		const doc = (await (await request.get('/api/v1/openapi.json')).json()) as {
			openapi: string;
			paths: Record<string, { get: { responses: Record<string, unknown> } }>;
		};
		expect(doc.openapi).toBe('3.1.0');
		const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
		addFormats(ajv);
		ajv.addSchema(doc, 'openapi.json');
		const pointer = (...parts: string[]) =>
			parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
		const check = async (path: string, url: string, status: string) => {
			const res = await request.get(url);
			expect(res.status(), url).toBe(Number(status));
			expect(doc.paths[path]!.get.responses[status], `${path} declares ${status}`).toBeDefined();
			const validate = ajv.compile({
				$ref: `openapi.json#/${pointer('paths', path, 'get', 'responses', status, 'content', 'application/json', 'schema')}`
			});
			const body = await res.json();
			expect(validate(body) ? [] : validate.errors, url).toEqual([]);
			return body;
		};
		const services = await check('/api/hsds/services', '/api/hsds/services?per_page=5', '200');
		const organizations = await check('/api/hsds/organizations', '/api/hsds/organizations', '200');
		const indicators = await check('/api/v1/indicators', '/api/v1/indicators?lang=en', '200');
		const initiatives = await check('/api/v1/initiatives', '/api/v1/initiatives?locale=en', '200');
		expect(initiatives.items.length).toBeGreaterThan(0);
		const followUp = await check('/api/v1/follow-up', '/api/v1/follow-up', '200');
		const ids = {
			'/api/hsds/services/{id}': `/api/hsds/services/${services.contents[0].id}`,
			'/api/hsds/organizations/{id}': `/api/hsds/organizations/${organizations.contents[0].id}`,
			'/api/v1/indicators/{code}/observations': `/api/v1/indicators/${indicators.items[0].code}/observations`,
			'/api/v1/strategy': '/api/v1/strategy',
			'/api/v1/offers': '/api/v1/offers?q=lektie&near=9000',
			'/api/v1/opportunities': '/api/v1/opportunities?type=studiejob&near=9000',
			'/api/v1/events': '/api/v1/events?audience=foraeldre&locale=en',
			'/api/v1/search': '/api/v1/search?q=katedral',
			'/api/v1/programmes': '/api/v1/programmes?level=bachelor&lang=en',
			'/api/v1/programmes/{slug}':
				'/api/v1/programmes/datamatiker-eksempel-professionshoejskole-demo'
		};
		for (const [path, url] of Object.entries(ids)) await check(path, url, '200');
		// The programmes as CSV: the declared type, the import template's header.
		const csv = await request.get('/api/v1/programmes.csv?demo=false');
		expect(csv.status()).toBe(200);
		expect(
			Object.keys(
				(doc.paths['/api/v1/programmes.csv']!.get.responses['200'] as { content: object }).content
			)
		).toEqual(['text/csv']);
		expect(csv.headers()['content-type']).toContain('text/csv');
		expect((await csv.text()).replace(/^\uFEFF/, '')).toMatch(/^id;institution;titel;/);
		await check('/api/v1/programmes.csv', '/api/v1/programmes.csv?demo=maybe', '400');
		// Every operation was tried.
		expect(Object.keys(doc.paths).sort()).toEqual(
			[
				...Object.keys(ids),
				'/api/v1/programmes.csv',
				'/api/hsds/services',
				'/api/hsds/organizations',
				'/api/v1/indicators',
				'/api/v1/initiatives',
				'/api/v1/follow-up'
			].sort()
		);
		// And the declared errors.
		await check('/api/v1/offers', '/api/v1/offers?page=0', '400');
		await check('/api/v1/events', '/api/v1/events?from=2027-13-01', '400');
		await check('/api/v1/search', '/api/v1/search?q=', '400');
		await check('/api/v1/programmes', '/api/v1/programmes?duration=forever', '400');
		await check('/api/v1/programmes/{slug}', '/api/v1/programmes/ingen-saadan', '404');
		await check(
			'/api/hsds/services/{id}',
			'/api/hsds/services/00000000-0000-4000-8000-000000000000',
			'404'
		);
		await check(
			'/api/v1/indicators/{code}/observations',
			'/api/v1/indicators/findes-ikke/observations',
			'404'
		);
		// A closed round's snapshot, and a round that is not one.
		const frozen = await check(
			'/api/v1/follow-up',
			`/api/v1/follow-up?round=${followUp.round.id}`,
			'200'
		);
		expect(frozen.live).toBe(false);
		await check(
			'/api/v1/follow-up',
			'/api/v1/follow-up?round=00000000-0000-4000-8000-000000000000',
			'404'
		);
	});
});

test.describe('follow-up', () => {
	test('shows each action with its initiatives, approved updates only, and a published report', async ({
		page,
		request
	}) => {
		await page.goto('/opfoelgning');
		const action = page.locator('section.followup-action').filter({ hasText: '1.1' }).first();
		await expect(action.locator('h3')).toContainText('Understøtte med hjælpemidler');
		await expect(action.locator('.followup-initiatives > li')).toHaveCount(2);
		await expect(action).toContainText('Gul: i risiko');
		// The indicators the action's initiatives aim to move, with their status.
		await expect(action.locator('.followup-indicators li')).toHaveCount(2);
		await expect(page.locator('.alert-warning').first()).toContainText('Demodata');

		// The first round's snapshot: the leisure bridge was still under way and red.
		await page.selectOption('#runde', { label: 'Første statusrunde (demo)' });
		await page.getByRole('button', { name: 'Vis' }).click();
		await expect(page).toHaveURL(/runde=/);
		const bridge = page
			.locator('.followup-initiative')
			.filter({ hasText: 'Brobygning til foreningslivet' });
		await expect(bridge).toContainText('Rød: forsinket');
		await expect(bridge).toContainText('I gang');

		await page.goto('/opfoelgning');
		await page.locator('section[aria-labelledby="rapporter"] a').first().click();
		await expect(page.locator('h1')).toHaveText('Status til Uddannelsesrådet');
		await expect(page.locator('article.council-report')).toHaveAttribute('lang', 'da');
		await expectNoAxeViolations(page);
		expect(await layoutProblems(page, page.url())).toEqual([]);
		const pdfLink = page.getByRole('link', { name: 'Hent som PDF' });
		const pdf = await request.get((await pdfLink.getAttribute('href'))!);
		expect(pdf.headers()['content-type']).toBe('application/pdf');
		expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
		expect(
			(await request.get('/opfoelgning/rapporter/00000000-0000-4000-8000-000000000000')).status()
		).toBe(404);
	});
});

test.describe('indicators', () => {
	test('the overview groups all seven indicators by pejlemærke with status and a demo label', async ({
		page
	}) => {
		await page.goto('/indikatorer');
		await expect(page.locator('.demo-notice')).toContainText('opdigtede demodata');
		await expect(page.locator('tbody tr')).toHaveCount(7);
		await expect(page.locator('main section h2')).toHaveText([
			'Pejlemærke 1: Uddannelse for alle',
			'Pejlemærke 2: Trivsel og meningsfulde fællesskaber',
			'Pejlemærke 3: Gode overgange mellem uddannelser og beskæftigelse'
		]);
		await expect(page.locator('tbody .badge').filter({ hasText: 'Demodata' })).toHaveCount(7);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });
		test('the comparison form chooses areas and a breakdown', async ({ page }) => {
			await page.goto('/indikatorer/frafald');
			// The default comparison group's median is a column of its own, and the rank is told.
			await expect(page.locator('table thead th')).toHaveText([
				'Periode',
				'Aalborg Kommune',
				'Hele landet',
				'Median for kommunerne i Region Nordjylland (uden Aalborg Kommune)'
			]);
			await expect(
				page.getByText(
					/^Aalborg Kommune er nr\. \d+ af 11 i gruppen »Kommunerne i Region Nordjylland« \(2025\)/
				)
			).toBeVisible();
			await page.getByRole('checkbox', { name: 'Hele landet' }).uncheck();
			await page.getByRole('checkbox', { name: 'Region Nordjylland' }).check();
			await page.getByLabel('Køn').selectOption('Kvinder');
			await page
				.getByLabel('Sammenlign med en gruppe af kommuner')
				.selectOption('De seks største kommuner');
			await page.getByRole('button', { name: 'Vis' }).click();
			await expect(page).toHaveURL(/geo=081/);
			await expect(page).toHaveURL(/gruppe=seks-stoerste/);
			// Of the six, only København, Aarhus and Odense have figures by gender in the demo data.
			await expect(page.locator('table thead th')).toHaveText([
				'Periode',
				'Aalborg Kommune',
				'Region Nordjylland',
				'Median for de seks største kommuner (uden Aalborg Kommune)'
			]);
			await expect(page.locator('table caption')).toHaveText(
				'En mindre andel elever/studerende frafalder uddannelse, Kvinder'
			);
			await expect(page.locator('figure img.chart-image')).toHaveAttribute(
				'src',
				/^\/indikatorer\/frafald\.svg\?geo=081/
			);
			// Structured data (JSON-LD) is a data block, not a script that runs.
			await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(0);
		});

		test('the area page lists every area and sends the choice', async ({ page }) => {
			await page.goto('/en/indicators/areas/frafald?gruppe=ingen');
			await expect(page.getByLabel('Find an area')).toBeHidden();
			await expect(page.locator('input[name=geo]')).toHaveCount(17);
			// Without a choice, the page's default (the whole country) is chosen.
			await page.getByRole('checkbox', { name: 'All of Denmark' }).uncheck();
			await page.getByRole('checkbox', { name: 'North Denmark Region' }).check();
			await page.getByRole('button', { name: 'Show on the indicator page' }).click();
			await expect(page).toHaveURL(/\/en\/indicators\/frafald\?gruppe=ingen&geo=081$/);
			await expect(page.locator('table thead th')).toHaveText([
				'Period',
				'Aalborg Municipality',
				'North Denmark Region'
			]);
		});
	});

	test('the area page finds an area by name and leads back with the other choices kept', async ({
		page
	}) => {
		// An unknown parameter is not carried back; the breakdown is.
		await page.goto('/indikatorer/omraader/frafald?geo=000&k%C3%B8n=Kvinder&ukendt=%3Cx%3E');
		await expect(page.getByRole('checkbox', { name: 'Hele landet' })).toBeChecked();
		const filter = page.getByLabel('Find et område');
		await filter.fill('aar');
		await expect(page.getByRole('status')).toHaveText('1 område vises');
		await expect(page.getByRole('checkbox', { name: 'Hele landet' })).toBeHidden();
		await expect(page.getByText('Hele landet og regioner')).toBeHidden();
		await filter.press('Enter'); // filters; does not send the form
		await expect(page).toHaveURL(/\/omraader\/frafald/);
		await page.getByRole('checkbox', { name: 'Aarhus Kommune' }).check();
		await filter.fill('der'); // Brønderslev, Frederikshavn
		await expect(page.getByRole('status')).toHaveText('2 områder vises');
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Vis på indikatorsiden' }).click();
		// The hidden, checked whole country is sent too.
		await expect(page).toHaveURL(/\/indikatorer\/frafald\?k%C3%B8n=Kvinder&geo=000&geo=751$/);
		await expect(page.locator('table thead th')).toContainText(['Hele landet', 'Aarhus Kommune']);
	});

	test('a suppressed value reads "not published", never 0', async ({ page }) => {
		await page.goto('/indikatorer/ledige-dimittender?geo=461&k%C3%B8n=M%C3%A6nd');
		const row = page.locator('tbody tr', { has: page.locator('th', { hasText: '2016' }) });
		await expect(row.locator('td').nth(1)).toHaveText('ikke offentliggjort');
		await expectNoAxeViolations(page);
	});

	test('the detail page gives status, reasoning, definition and source', async ({ page }) => {
		await page.goto('/en/indicators/mistrivsel');
		await expect(page.locator('section[aria-labelledby="status"]')).toContainText(
			'a year in the wanted direction'
		);
		await expect(page.locator('dl')).toContainText(
			'Wellbeing surveys and the National Health Profile'
		);
		await expect(page.locator('.demo-notice')).toContainText('invented demo data');
	});

	test('downloads come as CSV, XLSX and JSON-stat 2.0', { tag: '@engine' }, async ({ request }) => {
		const csv = await request.get('/indikatorer/frafald.csv');
		expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
		expect(csv.headers()['content-disposition']).toBe('attachment; filename="frafald-demo.csv"');
		expect((await csv.text()).split('\r\n')[0]).toBe(
			'\ufeffperiode;område;køn;værdi;flag;flagforklaring'
		);
		const xlsx = await request.get('/indikatorer/frafald.xlsx');
		expect(xlsx.headers()['content-type']).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
		const json = await (await request.get('/indikatorer/frafald.json')).json();
		expect(json).toMatchObject({
			version: '2.0',
			class: 'dataset',
			role: { time: ['TID'], geo: ['OMRÅDE'] }
		});
		expect((await request.get('/indikatorer/lykke.csv')).status()).toBe(404);
		const chart = await request.get('/indikatorer/frafald.svg?geo=000');
		expect(chart.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
		expect(await chart.text()).toMatch(/^<svg[^>]*>/);
		expect(await chart.text()).not.toContain('style=');
	});

	test(
		'the indicators API lists status and serves filtered observations',
		{ tag: '@engine' },
		async ({ request }) => {
			const list = apiIndicatorList.parse(
				await (await request.get('/api/v1/indicators?lang=en')).json()
			);
			expect(list.items.map((i) => i.code)).toEqual([
				'frafald',
				'i-uddannelse',
				'erhvervskompetencegivende-uddannelse',
				'mistrivsel',
				'kultur-fritid-forening',
				'ledige-dimittender',
				'erhvervsuddannelse'
			]);
			expect(list.items.every((i) => i.demo)).toBe(true);
			const obs = apiObservationList.parse(
				await (
					await request.get(
						'/api/v1/indicators/frafald/observations?geo=851&period=2022&k%C3%B8n=Kvinder'
					)
				).json()
			);
			expect(obs.items).toHaveLength(1);
			expect(obs.items[0]).toMatchObject({
				period: '2022',
				geo: '851',
				breakdowns: { køn: 'Kvinder' }
			});
			const bad = await request.get('/api/v1/indicators/frafald/observations?geo=Aalborg&alder=18');
			expect(bad.status()).toBe(400);
			expect(apiErrorSchema.parse(await bad.json()).error.details).toHaveLength(2);
			expect((await request.get('/api/v1/indicators/lykke/observations')).status()).toBe(404);
		}
	);
});

test('every dataset on /data answers in its format, in both languages, and the footer links to it', async ({
	page
}) => {
	for (const path of ['/data', '/en/data']) {
		await page.goto(path);
		await expect(page.locator('footer a[href$="/data"]')).toBeVisible();
		// No licence in the Aalborg strategy file: the page says so rather than guess one.
		await expect(page.locator('main')).toContainText(
			path === '/data' ? 'har endnu ikke oplyst, hvilken licens' : 'has not yet stated a licence'
		);
		const hrefs = await page
			.locator('main a[href^="/"]')
			.evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
		expect(hrefs.length).toBeGreaterThan(15);
		for (const href of hrefs) {
			const answer = await page.request.get(href);
			expect(answer.status(), href).toBe(200);
			const type = answer.headers()['content-type'] ?? '';
			const expected = href.includes('.atom')
				? 'application/atom+xml'
				: href.includes('.ics')
					? 'text/calendar'
					: href.endsWith('.csv')
						? 'text/csv'
						: href.endsWith('.xlsx')
							? 'spreadsheetml'
							: 'json';
			expect(type, href).toContain(expected);
		}
	}
	// The HSDS data package: its descriptor names CSV files that lie beside it.
	const descriptor = (await (
		await page.request.get('/api/hsds/datapackage/datapackage.json')
	).json()) as { resources: { path: string }[] };
	for (const { path } of descriptor.resources) {
		const csv = await page.request.get(`/api/hsds/datapackage/${path}`);
		expect(csv.headers()['content-type'], path).toContain('text/csv');
	}
	const services = await (await page.request.get('/api/hsds/datapackage/services.csv')).text();
	expect(services.split('\r\n')[0]).toMatch(/^id,organization_id,name,/);
	expect(services).toContain('Specialpædagogisk støtte (SPS)');
});

test.describe('offers and support', () => {
	test(
		'search works without JavaScript: words, filters with counts, demo label, pagination',
		{ tag: '@engine' },
		async ({ browser }) => {
			const context = await browser.newContext({ javaScriptEnabled: false });
			const page = await context.newPage();
			await page.goto('/tilbud');
			await expect(page.getByRole('note')).toContainText('Demodata');
			await expect(page.locator('#results-heading')).toContainText('204 tilbud');
			await page.getByLabel('Søg', { exact: true }).fill('lektiehjælp');
			await page.getByRole('button', { name: 'Søg', exact: true }).click();
			await expect(
				page
					.locator('.offer-list h3')
					.filter({ hasText: /^Lektiecafé/ })
					.first()
			).toBeVisible();
			await page.getByLabel(/^Ungdomsuddannelse \(\d+\)$/).check();
			await page.getByRole('button', { name: 'Vis resultater' }).click();
			await expect(page).toHaveURL(/audience=ungdomsuddannelse/);
			await page.goto('/tilbud?category=fritid-og-idraet&page=2');
			await expect(page.getByText(/Side 2 af \d+/)).toBeVisible();
			await context.close();
		}
	);

	test('a search of offers is also an Atom feed, newest change first', async ({ page }) => {
		await page.goto('/tilbud?category=lektiehjaelp');
		const link = page.locator('link[rel="alternate"][type="application/atom+xml"]');
		await expect(link).toHaveAttribute('href', '/tilbud/feed.atom?category=lektiehjaelp');
		await expect(
			page.getByRole('link', { name: 'Følg denne søgning som feed (Atom)' })
		).toHaveAttribute('href', '/tilbud/feed.atom?category=lektiehjaelp');
		const feed = await page.request.get('/tilbud/feed.atom?category=lektiehjaelp');
		expect(feed.headers()['content-type']).toContain('application/atom+xml');
		const parsed = parseAtomFeed(await feed.text());
		const entries = parsed.entries ?? [];
		expect(entries.length).toBeGreaterThan(2);
		const updated = entries.map((e) => Date.parse(e.updated ?? ''));
		expect(updated).toEqual([...updated].sort((a, b) => b - a));
		expect(Date.parse(parsed.updated ?? '')).toBe(updated[0]);
		for (const e of entries) expect(e.summary?.value).toContain('Lektiehjælp');
		const first = entries[0]!.links?.[0]?.href ?? '';
		expect(first).toMatch(/\/tilbud\/[a-z0-9-]+$/);
		expect((await page.request.get(new URL(first).pathname)).status()).toBe(200);
		// In English, English addresses and an English title.
		const english = parseAtomFeed(
			await (await page.request.get('/en/offers/feed.atom?category=lektiehjaelp')).text()
		);
		expect(english.title?.value).toMatch(/^Find offers and support – /);
		expect(english.entries?.[0]?.links?.[0]?.href).toContain('/en/offers/');
		expect((await page.request.get('/tilbud/feed.atom?sort=nonsense')).status()).toBe(400);
	});

	test('the offers API ranks, filters and counts', { tag: '@engine' }, async ({ request }) => {
		const res = await request.get('/api/v1/offers?q=fodbolt&audience=udskoling');
		expect(res.status()).toBe(200);
		const body = (await res.json()) as { total: number; items: { title: string; demo: boolean }[] };
		expect(body.items[0]?.title).toContain('Fodbold');
		expect(body.items.every((i) => i.demo)).toBe(true);
		const bad = await request.get('/api/v1/offers?age=abc');
		expect(bad.status()).toBe(400);
		// Without an address lookup (GEOCODER_URL), near is a postcode and an address is refused.
		const address = await request.get('/api/v1/offers?near=Gammeltorv+2');
		expect(address.status()).toBe(400);
		expect(((await address.json()) as { error: { details: unknown } }).error.details).toEqual([
			{ parameter: 'near', message: 'a postcode has four digits' }
		]);
	});

	test(
		'nearest first from a postcode, by area and open now, without JavaScript',
		{ tag: '@engine' },
		async ({ browser }) => {
			const context = await browser.newContext({ javaScriptEnabled: false });
			const page = await context.newPage();
			await page.goto('/tilbud?category=lektiehjaelp');
			await page.getByLabel('Dit postnummer (valgfrit)').fill('9400');
			await page.getByLabel('Sortér efter').selectOption('distance');
			await page.getByRole('button', { name: 'Vis resultater' }).click();
			await expect(page.getByText('Nærmeste først, målt fra 9400 Nørresundby.')).toBeVisible();
			const distances = await page.locator('.offer-list .form-hint').allInnerTexts();
			const km = distances.map((d) => Number(/([\d,]+) km væk/.exec(d)![1]!.replace(',', '.')));
			expect(km).toEqual([...km].sort((a, b) => a - b));
			expect(distances[0]).toContain('9400 Nørresundby');
			// "9400 Nørresundby · 0,4 km væk", not "Nørresundby· 0,4 km væk".
			for (const place of distances) expect(place).toMatch(/\p{L} · [\d,]+ km væk$/u);
			await page.getByLabel(/^9400 Nørresundby \(\d+\)$/).check();
			await page.getByRole('button', { name: 'Vis resultater' }).click();
			await expect(page).toHaveURL(/area=9400/);
			for (const place of await page.locator('.offer-list .form-hint').allInnerTexts())
				expect(place).toContain('9400 Nørresundby');
			await page.goto('/tilbud?near=1234&sort=distance');
			await expect(page.locator('#near-error')).toContainText('Vi kender ikke postnummeret 1234');
			await expect(page.getByLabel('Kun tilbud, der har åbent nu')).toBeVisible();
			await expect(page.getByRole('button', { name: 'Vis resultaterne på et kort' })).toHaveCount(
				0
			);
			await context.close();
		}
	);

	test('the map loads only when asked, and the list stays whole when tiles cannot load', async ({
		page
	}) => {
		const tileRequests: string[] = [];
		await page.route('https://tile.openstreetmap.org/**', (route) => {
			tileRequests.push(route.request().url());
			return route.abort();
		});
		await page.goto('/tilbud?category=fritid-og-idraet');
		const listed = await page.locator('.offer-list h3').count();
		expect(listed).toBe(20);
		expect(tileRequests).toEqual([]);
		await page.getByRole('button', { name: 'Vis resultaterne på et kort' }).click();
		const map = page.getByRole('region', { name: 'Kort over resultaterne på denne side' });
		await expect(map).toBeVisible();
		await expect(map.locator('.leaflet-marker-icon').first()).toBeVisible();
		expect(await map.locator('.leaflet-marker-icon').count()).toBeGreaterThan(1);
		await expect(page.getByText('Kortet kunne ikke hentes')).toBeVisible();
		expect(tileRequests.length).toBeGreaterThan(0);
		await expect(page.locator('.offer-list h3')).toHaveCount(listed);
		// A marker's popup links to its offer (markers close together overlap, so the click is
		// sent to the marker itself).
		await map.locator('.leaflet-marker-icon').first().dispatchEvent('click');
		await expect(map.locator('.leaflet-popup-content a')).toHaveAttribute('href', /^\/tilbud\//);
		await expect(map.getByRole('button', { name: 'Luk' })).toBeVisible();
		// Leaflet fades a popup in; axe measured the link's contrast half-way (a flaky failure).
		await expect(map.locator('.leaflet-popup')).toHaveCSS('opacity', '1');
		await expectNoAxeViolations(page);
	});

	test('an offer page says where and when', async ({ page }) => {
		await page.goto('/tilbud/lektiecafe');
		await expect(page.getByText('Hvor', { exact: true })).toBeVisible();
		await expect(page.locator('dd address').first()).toContainText('Eksempelvej');
		await expect(page.locator('dt', { hasText: 'Hvornår' })).toBeVisible();
		await expect(page.locator('dd', { hasText: /(mandag|tirsdag).*15\.00–18\.00/ })).toBeVisible();
		// Similar offers: each name once, never this offer's own, with who gives it.
		const related = await page
			.locator('h2', { hasText: 'Lignende tilbud' })
			.locator('+ ul a')
			.allInnerTexts();
		expect(related.length).toBeGreaterThan(0);
		expect(new Set(related).size).toBe(related.length);
		expect(related).not.toContain(await page.locator('h1').innerText());
	});

	test(
		'the HSDS 3.0 API pages services and organisations and answers by id',
		{ tag: '@engine' },
		async ({ request }) => {
			const root = await (await request.get('/api/hsds')).json();
			expect(root.version).toBe('3.0');
			const res = await request.get('/api/hsds/services?per_page=5&page=2');
			expect(res.status()).toBe(200);
			const page = (await res.json()) as {
				total_items: number;
				page_number: number;
				size: number;
				contents: { id: string; name: string; status: string; organization: { name: string } }[];
			};
			expect(page).toMatchObject({ total_items: 204, page_number: 2, size: 5 });
			for (const service of page.contents) {
				expect(service.id).toMatch(/^[0-9a-f-]{36}$/);
				expect(service.name.length).toBeGreaterThan(0);
				expect(service.status).toBe('active');
				// HSDS types optional fields as strings or numbers: absent ones are left out, not null.
				expect(JSON.stringify(service)).not.toContain('null');
			}
			const one = await request.get(`/api/hsds/services/${page.contents[0]!.id}`);
			expect((await one.json()).name).toBe(page.contents[0]!.name);
			const orgs = await (await request.get('/api/hsds/organizations?per_page=200')).json();
			expect(orgs.contents.map((o: { name: string }) => o.name)).toContain('Aalborg Katedralskole');
			expect(
				(await request.get('/api/hsds/services/00000000-0000-4000-8000-000000000000')).status()
			).toBe(404);
			const bad = await request.get('/api/hsds/services?per_page=1000');
			expect(bad.status()).toBe(400);
			expect(await bad.json()).toMatchObject({ error: { code: 'bad_request' } });
		}
	);
});

test.describe('jobs and placements', () => {
	test(
		'students filter open postings by kind and sort by deadline, without JavaScript',
		{ tag: '@engine' },
		async ({ browser }) => {
			const context = await browser.newContext({ javaScriptEnabled: false });
			const page = await context.newPage();
			await page.goto('/job');
			await expect(page.getByRole('note').first()).toContainText('Demodata');
			await page.getByLabel(/^Læreplads\/elevplads \(\d+\)$/).check();
			await page.getByLabel('Sortér efter').selectOption('deadline');
			await page.getByRole('button', { name: 'Vis opslag' }).click();
			await expect(page).toHaveURL(/type=laereplads/);
			const kinds = await page.locator('.offer-list li > p:not(.form-hint)').allInnerTexts();
			expect(kinds.length).toBeGreaterThan(0);
			for (const k of kinds) expect(k).toMatch(/^Læreplads\/elevplads/);
			await page.goto('/job?type=fritidsjob');
			await expect(page.getByText('Er du under 18?')).toBeVisible();
			// The same search as an Atom feed, compressed, each entry with its own times.
			const feed = await page.request.get('/job/feed.atom?type=fritidsjob', {
				headers: { 'accept-encoding': 'gzip' }
			});
			expect(feed.headers()['content-type']).toContain('application/atom+xml');
			expect(feed.headers()['content-encoding']).toBe('gzip');
			const parsed = parseAtomFeed(await feed.text());
			const updated = (parsed.entries ?? []).map((e) => Date.parse(e.updated ?? ''));
			expect(updated.length).toBeGreaterThan(3);
			expect(new Set(updated).size).toBe(updated.length);
			expect(updated).toEqual([...updated].sort((a, b) => b - a));
			expect(Date.parse(parsed.updated ?? '')).toBe(updated[0]);
			expect(parsed.entries?.[0]?.links?.[0]?.href).toContain('/job/');
			await context.close();
		}
	);

	test(
		'students filter by education field and level, and see the nearest postings first',
		{ tag: '@engine' },
		async ({ browser, page: scripted }) => {
			const context = await browser.newContext({ javaScriptEnabled: false });
			const page = await context.newPage();
			await page.goto('/job');
			await page.getByLabel(/^Teknik, byggeri og produktion \(\d+\)$/).check();
			await page.getByLabel(/^Elev på en erhvervsuddannelse \(\d+\)$/).check();
			await page.getByLabel('Dit postnummer (valgfrit)').fill('9400');
			await page.getByLabel('Sortér efter').selectOption('distance');
			await page.getByRole('button', { name: 'Vis opslag' }).click();
			await expect(page).toHaveURL(/field=teknik.*level=erhvervsuddannelse.*near=9400/);
			await expect(page.getByText('Afstand målt fra 9400 Nørresundby')).toBeVisible();
			const distances = (await page.locator('.offer-list li > p:not(.form-hint)').allInnerTexts())
				.map((t) => /([\d,]+) km væk/.exec(t)?.[1])
				.filter((d): d is string => d !== undefined)
				.map((d) => Number(d.replace(',', '.')));
			expect(distances.length).toBeGreaterThan(1);
			expect(distances).toEqual([...distances].sort((a, b) => a - b));
			const filtered = page.url();
			await page.goto('/job?near=1234&sort=distance');
			await expect(page.locator('#near-error')).toContainText('Vi kender ikke postnummeret 1234');
			await expect(page.locator('#near')).toHaveAttribute('aria-invalid', 'true');
			await context.close();
			// axe runs as a script: the same filtered page, in a page with JavaScript.
			await scripted.goto(filtered);
			await expectNoAxeViolations(scripted);
		}
	);

	test('organisation, offer and posting pages carry schema.org data that the vocabulary holds', async ({
		page
	}) => {
		const blocks = async (path: string) => {
			await page.goto(path);
			const texts = await page.locator('script[type="application/ld+json"]').allTextContents();
			expect(texts.length, path).toBeGreaterThan(0);
			const parsed = texts.map((t) => JSON.parse(t) as Record<string, unknown>);
			for (const block of parsed) expect(await schemaOrgProblems(block), path).toEqual([]);
			return parsed;
		};
		const [job] = await blocks('/job/elev-som-elektriker');
		expect(job).toMatchObject({
			'@type': 'JobPosting',
			title: 'Elev som elektriker',
			employmentType: 'FULL_TIME',
			directApply: false,
			hiringOrganization: { name: 'Eksempel El-service (demo)' },
			jobLocation: { address: { addressCountry: 'DK' } },
			baseSalary: { currency: 'DKK' }
		});
		expect(job!.description).toContain('<li>');
		expect(new Date(job!.validThrough as string).getTime()).toBeGreaterThan(Date.now());
		await expect(page.getByRole('link', { name: /Send en ansøgning til/ })).toBeVisible();
		// The full text shows as the employer wrote it: a list, not Markdown.
		await expect(page.locator('.prose li').first()).toBeVisible();
		const organizationPath = await page
			.getByRole('link', { name: /Eksempel El-service \(demo\)/ })
			.last()
			.getAttribute('href');
		const [organization] = await blocks(organizationPath!);
		expect(organization!['@id']).toBe((job!.hiringOrganization as Record<string, unknown>)['@id']);
		await blocks('/en/jobs/elev-som-elektriker');
		await page.goto('/tilbud');
		const offerPath = await page.locator('.offer-list li a').first().getAttribute('href');
		const [offer] = await blocks(offerPath!);
		expect(offer).toMatchObject({ '@type': 'Service', offers: { priceCurrency: 'DKK' } });
		await blocks('/en' + offerPath!.replace('/tilbud/', '/offers/'));
		const [school] = await blocks('/organisationer/aalborg-katedralskole');
		expect(school).toMatchObject({
			'@type': 'EducationalOrganization',
			address: { addressLocality: 'Aalborg' }
		});
	});

	test(
		'the opportunities API filters, counts kinds and refuses bad parameters',
		{ tag: '@engine' },
		async ({ request }) => {
			const res = await request.get('/api/v1/opportunities?type=studiejob&english=1');
			expect(res.status()).toBe(200);
			const body = (await res.json()) as {
				total: number;
				facets: { type: Record<string, number> };
				items: { type: string; englishFriendly: boolean }[];
			};
			expect(body.total).toBeGreaterThan(0);
			expect(body.items.every((i) => i.type === 'studiejob' && i.englishFriendly)).toBe(true);
			// Counts per kind ignore the kind filter (but not the others).
			expect(Object.keys(body.facets.type)).toContain('praktikplads');
			const near = (await (
				await request.get('/api/v1/opportunities?near=9000&km=3&sort=distance&level=videregaaende')
			).json()) as {
				near: { postalCode: string };
				facets: { level: Record<string, number> };
				items: { distanceKm: number | null; remote: boolean; url: string }[];
			};
			expect(near.near.postalCode).toBe('9000');
			expect(near.items.length).toBeGreaterThan(0);
			for (const i of near.items)
				expect(i.remote || (i.distanceKm !== null && i.distanceKm <= 3)).toBe(true);
			expect(near.items[0]!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/job\//);
			expect(Object.keys(near.facets.level)).toContain('erhvervsuddannelse');
			const bad = await request.get('/api/v1/opportunities?type=direktør&hours=x');
			expect(bad.status()).toBe(400);
			expect(
				((await bad.json()) as { error: { details: { parameter: string }[] } }).error.details.map(
					(d) => d.parameter
				)
			).toEqual(expect.arrayContaining(['type', 'hours']));
		}
	);
});

import { expect, test } from '@playwright/test';
import { readCalendar } from '../../src/lib/server/events/ical.ts';
import { apiEventList } from '../../src/lib/schemas/strategy-api.ts';
import { schemaOrgProblems } from '../support/schema-org.ts';
import { expectNoAxeViolations } from './axe.ts';

const window = () => ({
	from: new Date(Date.now() - 365 * 86_400_000),
	until: new Date(Date.now() + 400 * 86_400_000)
});

test('the event list filters by kind and free in the URL, and an event page says what, when and where', async ({
	page
}) => {
	await page.goto('/arrangementer?kind=brobygning');
	const titles = page.locator('.offer-list h4 a');
	await expect(titles).toHaveText(['Brobygning: prøv en dag som elektriker']);
	await expect(page.getByLabel('Brobygning (1)')).toBeChecked();

	await page.goto('/arrangementer?free=1');
	await expect(page.locator('.offer-list h4 a')).not.toContainText([
		'Koncert og fællesspisning for unge'
	]);

	await page.goto('/arrangementer');
	await page.getByRole('link', { name: 'Åbent hus på Eksempelgymnasiet' }).click();
	await expect(page.locator('h1')).toHaveText('Åbent hus på Eksempelgymnasiet');
	await expect(page.getByText('Demodata', { exact: true })).toBeVisible();
	await expect(page.locator('.font-lead')).toContainText('18.00–20.00');
	await expect(page.locator('dl')).toContainText('Eksempelvej 1, 9000 Aalborg');
	await expect(page.locator('dl')).toContainText('Gratis');
	await expectNoAxeViolations(page);

	const ld = JSON.parse(
		(await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}'
	);
	expect(ld['@type']).toBe('Event');
	expect(ld.eventStatus).toBe('https://schema.org/EventScheduled');
	expect(ld.eventAttendanceMode).toBe('https://schema.org/OfflineEventAttendanceMode');
	expect(ld.organizer.name).toBe('Eksempelgymnasiet (demo)');
	expect(await schemaOrgProblems(ld)).toEqual([]);

	// Add to calendar: one event, in UTC, that the same library reads back.
	const ics = await page.request.get(
		(await page.getByRole('link', { name: 'Føj til din kalender (.ics)' }).getAttribute('href'))!
	);
	expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	const read = readCalendar(await ics.text(), window());
	// Demo data says so in a calendar too, where no page labels it.
	expect(read.events.map((e) => e.title)).toEqual(['Åbent hus på Eksempelgymnasiet (demo)']);
	expect(read.events[0]!.end.getTime() - read.events[0]!.start.getTime()).toBe(2 * 3600_000);

	// The organiser's page lists its coming events.
	await page.goto('/organisationer/eksempelgymnasiet-demo');
	await expect(page.getByRole('heading', { name: 'Kommende arrangementer' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Åbent hus på Eksempelgymnasiet' })).toBeVisible();
});

test('a cancelled event says so on its page and in its structured data', async ({ page }) => {
	await page.goto('/en/events');
	await page
		.getByRole('link', { name: 'Introduction evening for new students and parents' })
		.click();
	await expect(page.getByRole('status')).toHaveText('This event is cancelled.');
	const ld = JSON.parse(
		(await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}'
	);
	expect(ld.eventStatus).toBe('https://schema.org/EventCancelled');
	await expectNoAxeViolations(page);
});

test('the filtered list is a calendar to subscribe to and an Atom feed @engine', async ({
	page,
	request
}) => {
	await page.goto('/arrangementer?audience=foraeldre');
	const webcal = await page
		.getByRole('link', { name: 'Abonnér i din kalender (webcal)' })
		.getAttribute('href');
	expect(webcal).toMatch(
		/^webcal:\/\/127\.0\.0\.1:\d+\/arrangementer\/kalender\.ics\?audience=foraeldre$/
	);
	const feed = await request.get('/arrangementer/kalender.ics?audience=foraeldre');
	const read = readCalendar(await feed.text(), window());
	expect(read.events.map((e) => e.title).sort()).toEqual([
		'Introaften for nye elever og forældre (demo)',
		'Uddannelsesmesse for 8. klasse (demo)',
		'Åbent hus på Eksempelgymnasiet (demo)'
	]);
	expect(read.events.find((e) => e.title.startsWith('Introaften'))!.cancelled).toBe(true);
	const atom = await request.get('/en/events/feed.atom?audience=foraeldre');
	expect(atom.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
	expect(await atom.text()).toContain('Open house at Eksempelgymnasiet');
	const bad = await request.get('/arrangementer/kalender.ics?from=igår');
	expect(bad.status()).toBe(400);
});

test('GET /api/v1/events answers in its documented shape with Danish offsets @engine', async ({
	request
}) => {
	const answer = await request.get('/api/v1/events?kind=aabent-hus&locale=en');
	expect(answer.status()).toBe(200);
	const body = apiEventList.parse(await answer.json());
	expect(body.total).toBe(1);
	expect(body.items[0]).toMatchObject({
		title: 'Open house at Eksempelgymnasiet',
		allDay: false,
		cancelled: false,
		demo: true,
		price: 0,
		organiser: { slug: 'eksempelgymnasiet-demo' }
	});
	expect(body.items[0]!.start).toMatch(/T18:00:00\+0[12]:00$/);
	expect(body.facets.kind['aabent-hus']).toBe(1);
	const wrong = await request.get('/api/v1/events?from=2027-02-30');
	expect(wrong.status()).toBe(400);
});

test('the archive lists past events and the month view shows the month', async ({ page }) => {
	await page.goto('/arrangementer/arkiv');
	await expect(page.locator('.offer-list h4 a')).toContainText([
		'Åbent værksted på Erhvervsskolen'
	]);
	await expectNoAxeViolations(page);
	await page.goto('/arrangementer');
	await page.getByRole('link', { name: 'Måned', exact: true }).click();
	await expect(page.locator('table caption')).toContainText('Arrangementer i');
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Næste måned' }).click();
	await expect(page).toHaveURL(/maaned=\d{4}-\d{2}/);
});

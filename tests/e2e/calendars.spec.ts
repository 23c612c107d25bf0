import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { signedInPage } from './sign-in.ts';

/** An institution's calendar server stand-in: what it answers can change between reads. */
let body = '';
let type = 'text/calendar';
let server: Server;
let feedUrl: string;
test.beforeAll(async () => {
	server = createServer((_request, response) => {
		response.writeHead(200, { 'content-type': type });
		response.end(body);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kalender.ics`;
});
test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

const inDays = (days: number, hour: number) => {
	const d = new Date(Date.now() + days * 86_400_000);
	return `${d.toISOString().slice(0, 10).replaceAll('-', '')}T${String(hour).padStart(2, '0')}0000`;
};
const calendar = (unique: string, title: string) =>
	[
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Aalborg Tekniske Gymnasium//DA',
		'BEGIN:VEVENT',
		`UID:intro-${unique}@atg.example`,
		'DTSTAMP:20260101T000000Z',
		`DTSTART;TZID=Europe/Copenhagen:${inDays(20, 17)}`,
		`DTEND;TZID=Europe/Copenhagen:${inDays(20, 19)}`,
		`SUMMARY:${title}`,
		'LOCATION:Aalborg Tekniske Gymnasium',
		'END:VEVENT',
		'END:VCALENDAR',
		''
	].join('\r\n');

test('an editor registers a school’s calendar; its events appear, a bad read keeps them and says why', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const unique = Date.now().toString(36);
	const title = `Introaften på ATG ${unique}`;
	body = calendar(unique, title);
	type = 'text/calendar; charset=utf-8';
	const editor = await signedInPage(browser, baseURL!, 'calendarEditor');
	await editor.goto('/admin/kalendere');
	await expectNoAxeViolations(editor);
	await editor.getByLabel('Organisation').selectOption({ label: 'Aalborg Tekniske Gymnasium' });
	await editor.getByLabel('Kalenderens adresse (iCalendar, .ics)').fill(feedUrl);
	await editor.getByLabel('Arrangementerne er af typen').selectOption({ label: 'Introduktion' });
	await editor.getByRole('button', { name: 'Tilføj og læs nu' }).click();
	await expect(editor.getByRole('status')).toHaveText(
		'Kalenderen er tilføjet og læst: 1 nye arrangementer.'
	);
	await expect(editor.locator('table')).toContainText(feedUrl);

	const reader = await (await browser.newContext({ baseURL })).newPage();
	await reader.goto(`/arrangementer?q=${encodeURIComponent(unique)}`);
	await reader.getByRole('link', { name: title }).click();
	await expect(reader.locator('h1')).toHaveText(title);
	await expect(reader.locator('dl')).toContainText('Introduktion');
	await expect(reader.getByText('Hentet fra arrangørens egen kalender.')).toBeVisible();

	// The school's server answers a web page: the event stays, and the editor sees why.
	body = '<html><body>Vedligeholdelse</body></html>';
	type = 'text/html';
	await editor.getByRole('button', { name: 'Læs alle kalendere nu' }).click();
	await expect(editor.getByRole('status')).toContainText('med fejl');
	await expect(editor.locator('table')).toContainText('ikke en iCalendar-fil');
	await expectNoAxeViolations(editor);
	await editor.goto('/admin/organisationer/aalborg-tekniske-gymnasium');
	await expect(editor.getByText('En af organisationens kalendere kunne ikke læses.')).toBeVisible();
	await reader.reload();
	await expect(reader.locator('h1')).toHaveText(title);

	// Removed: the feed and its events go.
	await editor.goto('/admin/kalendere');
	await editor
		.getByRole('button', { name: `Fjern kalenderen ${feedUrl} og dens arrangementer` })
		.click();
	await expect(editor.getByRole('status')).toHaveText(
		'Kalenderen og dens arrangementer er fjernet.'
	);
	// Caches see the change within a second (the content version is read at most once a second).
	const page = reader.url();
	await expect.poll(async () => (await reader.request.get(page)).status()).toBe(404);
});

test('a partner proposes an event, and an editor publishes it', async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	const unique = Date.now().toString(36);
	const title = `Studiepraktik i boldklubben ${unique}`;
	const partner = await signedInPage(browser, baseURL!, 'partnerB');
	await partner.goto('/admin/arrangementer');
	await expectNoAxeViolations(partner);
	await partner.getByLabel('Type').selectOption({ label: 'Studiepraktik' });
	await partner.getByLabel('Titel på dansk').fill(title);
	await partner.getByLabel('Beskrivelse på dansk').fill('Prøv at være træner for en dag.');
	const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
	await partner.getByLabel('Dato', { exact: true }).fill(day);
	await partner.getByLabel('Starter kl.').fill('16:00');
	// The end before the start: refused with a message, nothing sent.
	await partner.getByLabel('Slutter kl.').fill('15:00');
	await partner.getByLabel('Adresse').fill('Vejgaard Boldklub, 9000 Aalborg');
	await partner.getByRole('button', { name: 'Send til godkendelse' }).click();
	await expect(partner.locator('.alert-error, [role=alert]').first()).toContainText('slutte efter');
	await partner.getByLabel('Slutter kl.').fill('18:00');
	// A link to a page that does not exist is named, and nothing is sent.
	await partner
		.getByLabel('Uddannelser, arrangementet handler om')
		.fill('/uddannelser/findes-ikke');
	await partner.getByRole('button', { name: 'Send til godkendelse' }).click();
	await expect(partner.locator('.alert-error, [role=alert]').first()).toContainText(
		'Uddannelser: vi kan ikke finde disse sider: /uddannelser/findes-ikke.'
	);
	// The event is about a real programme: its page's address is pasted.
	const catalogue = await (await browser.newContext({ baseURL })).newPage();
	await catalogue.goto('/uddannelser?q=datalogi');
	const programmeLink = catalogue.locator('main a[href^="/uddannelser/datalogi"]').first();
	const programmeName = (await programmeLink.textContent())!.trim();
	const programmeHref = (await programmeLink.getAttribute('href'))!;
	await partner
		.getByLabel('Uddannelser, arrangementet handler om')
		.fill(`${baseURL}${programmeHref}`);
	await partner.getByRole('button', { name: 'Send til godkendelse' }).click();
	await expect(partner.getByRole('status')).toHaveText(
		'Tak. Arrangementet er sendt til godkendelse.'
	);

	const editor = await signedInPage(browser, baseURL!, 'calendarEditor');
	await editor.goto('/admin/godkendelse');
	const card = editor.locator('article, li, section').filter({ hasText: title }).last();
	await expect(card).toContainText('Studiepraktik');
	// The link is judged by the programme's name, not an id.
	await expect(card).toContainText(programmeName);
	await card.getByRole('button', { name: 'Godkend' }).click();
	const reader = await (await browser.newContext({ baseURL })).newPage();
	await expect
		.poll(async () => {
			await reader.goto(`/arrangementer?q=${unique}`);
			return reader.getByRole('link', { name: title }).count();
		})
		.toBe(1);
	await reader.getByRole('link', { name: title }).click();
	await expect(reader.locator('.font-lead')).toContainText('16.00–18.00');
	await expect(reader.getByRole('link', { name: programmeName, exact: true })).toHaveAttribute(
		'href',
		programmeHref
	);
	// The programme's page lists the event about it.
	await catalogue.goto(programmeHref);
	await expect(catalogue.getByRole('link', { name: title })).toBeVisible();

	// The organisation changes the published event: a later start and an English title. The
	// change is public only once an editor has approved it, and the page keeps its address.
	const eventUrl = reader.url();
	await partner.goto('/admin/arrangementer');
	await partner.getByRole('link', { name: `Ret ${title}` }).click();
	await expectNoAxeViolations(partner);
	await expect(partner.getByLabel('Starter kl.')).toHaveValue('16:00');
	await expect(partner.getByLabel('Uddannelser, arrangementet handler om')).toHaveValue(
		programmeHref.split('/').pop()!
	);
	await partner.getByLabel('Starter kl.').fill('16:30');
	await partner.getByLabel('Titel på engelsk (valgfri)').fill(`Trial day at the club ${unique}`);
	await partner.getByRole('button', { name: 'Send til godkendelse' }).click();
	await expect(partner.getByRole('status')).toHaveText('Tak. Ændringen er sendt til godkendelse.');
	await reader.reload();
	await expect(reader.locator('.font-lead')).toContainText('16.00–18.00');
	await editor.goto('/admin/godkendelse');
	const change = editor.locator('article, li, section').filter({ hasText: title }).last();
	await expect(change).toContainText(`Trial day at the club ${unique}`);
	await change.getByRole('button', { name: 'Godkend' }).click();
	await expect
		.poll(async () => {
			// A reload asks the server again (a browser may keep a public page for a minute).
			await reader.reload();
			return reader.locator('.font-lead').textContent();
		})
		.toContain('16.30–18.00');
	expect(reader.url()).toBe(eventUrl);

	// The editor cancels it: it stays, marked cancelled; then undoes that.
	await editor.goto('/admin/arrangementer');
	await expectNoAxeViolations(editor);
	await editor.getByRole('button', { name: `Aflys ${title}` }).click();
	await expect(editor.getByRole('status')).toContainText('Arrangementet er aflyst.');
	await expect
		.poll(async () => {
			await reader.reload();
			// Read without waiting: a page from before the change has no status, and the poll
			// should reload again rather than wait for one on that page.
			return (await reader.getByRole('status').allTextContents()).map((t) => t.trim());
		})
		.toEqual(['Arrangementet er aflyst.']);
	await editor.getByRole('button', { name: `Fortryd aflysningen af ${title}` }).click();
	await expect(editor.getByRole('status')).toHaveText('Aflysningen er fortrudt.');
});

test('an institution proposes a programme with its admission rules, and an editor publishes it', async ({
	browser,
	baseURL
}) => {
	const unique = Date.now().toString(36);
	const title = `Teknisk designer ${unique}`;
	const partner = await signedInPage(browser, baseURL!, 'programmePartner');
	await partner.goto('/admin/uddannelser');
	await expectNoAxeViolations(partner);
	await partner.getByLabel('Navn på dansk').fill(title);
	await partner.getByLabel('Niveau').selectOption({ label: 'Erhvervsuddannelse (EUD)' });
	await partner.getByLabel('Adgangskrav som regler').fill('grundskole: Matematik E');
	await partner.getByLabel('Kilde').fill('Skolens egen side, 6. december 2026');
	await partner.getByRole('button', { name: 'Send til godkendelse' }).click();
	// Rules that do not read are refused with the reason, nothing sent.
	await expect(partner.locator('[role=alert]').first()).toContainText(
		'"Matematik E" er ikke et fag med et niveau'
	);
	await partner.getByLabel('Adgangskrav som regler').fill('grundskole');
	await partner.getByLabel('Frist for kvote 1').fill('');
	await partner.getByRole('button', { name: 'Send til godkendelse' }).click();
	await expect(partner.getByRole('status')).toHaveText('Tak. Forslaget er sendt til godkendelse.');

	const editor = await signedInPage(browser, baseURL!, 'programmeEditor');
	await editor.goto('/admin/godkendelse');
	const card = editor.locator('article, li, section').filter({ hasText: title }).last();
	await expect(card).toContainText('Erhvervsuddannelse (EUD)');
	await card.getByRole('button', { name: 'Godkend' }).click();
	const reader = await (await browser.newContext({ baseURL })).newPage();
	await expect
		.poll(async () => {
			await reader.goto(`/uddannelser?q=${unique}`);
			return reader.getByRole('link', { name: title, exact: true }).count();
		})
		.toBe(1);
	await reader.getByRole('link', { name: title, exact: true }).click();
	await expect(reader.locator('.font-lead')).toHaveText(
		'Erhvervsuddannelse (EUD) · Aalborg Tekniske Gymnasium'
	);
	// A proposal is never demo data.
	await expect(reader.getByText('Denne uddannelse er et opdigtet eksempel')).toHaveCount(0);
});

import { expect, test } from '@playwright/test';
import { schemaOrgProblems } from '../support/schema-org.ts';
import { expectNoAxeViolations } from './axe.ts';

test('a student searches the front page for her gymnasium by name and finds it', async ({
	page
}) => {
	await page.goto('/');
	await page.getByLabel('Hvad leder du efter?').fill('katedral');
	await page.getByRole('button', { name: 'Søg' }).click();
	await expect(page).toHaveURL('/soeg?q=katedral');
	await expect(page.getByRole('heading', { name: 'Uddannelser (1)' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Aalborg Katedralskole' })).toBeVisible();
	await expectNoAxeViolations(page);
	// A programme found can be put aside for comparison, the search kept.
	await page.getByRole('link', { name: /Føj til sammenligning.*STX/ }).click();
	await expect(page).toHaveURL(
		/q=katedral.*ids=stx-aalborg-katedralskole|ids=stx-aalborg-katedralskole.*q=katedral/
	);
	await expect(page.getByRole('status')).toContainText('STX');
	await page.getByRole('link', { name: 'STX', exact: true }).click();
	await expect(page.locator('h1')).toHaveText('STX');
	await expect(page.locator('.font-lead')).toHaveText(
		'STX (studentereksamen) · Aalborg Katedralskole'
	);
	// A real programme names where its facts come from, and its figures are not called demo.
	await expect(
		page.getByText(/Fakta om uddannelsen er hentet fra: https:\/\/katedralskolen\.dk/)
	).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Alle optaget' }).first()).toBeVisible();
	await expect(page.locator('table')).not.toContainText('Demodata');

	// "gymnasium" finds the gymnasial programmes; an English reader gets English pages.
	await page.goto('/en/search?q=gymnasium');
	await expect(page.getByRole('heading', { name: /^Programmes \(\d+\)$/ })).toBeVisible();
	await expect(page.getByRole('link', { name: 'IB Diploma Programme', exact: true })).toBeVisible();
	await expectNoAxeViolations(page);

	// An institution's page leads to its programmes in the list, where they can be compared.
	await page.goto('/organisationer/aalborg-katedralskole');
	await page
		.getByRole('link', {
			name: 'Søg i, filtrér og sammenlign uddannelserne hos Aalborg Katedralskole'
		})
		.click();
	await expect(page).toHaveURL('/uddannelser?institution=aalborg-katedralskole');
	await expect(page.getByRole('link', { name: 'STX', exact: true })).toBeVisible();
});

test('the programme list searches with abbreviations and typos, filters, and builds a comparison', async ({
	page
}) => {
	await page.goto('/uddannelser?q=sosu');
	const titles = page.locator('.offer-list h3 a');
	await expect(titles.first()).toHaveText('Social- og sundhedsassistent');
	await page.goto('/uddannelser?q=sygeplejeske');
	await expect(titles.first()).toHaveText('Sygeplejerske');

	await page.goto('/uddannelser?level=bachelor');
	await expect(page.getByLabel('Bachelor (universitet) (6)')).toBeChecked();
	await expect(titles).toHaveCount(6);
	await page.getByRole('link', { name: /^Føj til sammenligning\W+Datalogi$/ }).click();
	await page.getByRole('link', { name: /^Føj til sammenligning\W+BSc in Robotics$/ }).click();
	await expect(page.getByRole('status')).toContainText('Datalogi, BSc in Robotics');
	await page.getByRole('link', { name: 'Sammenlign 2 uddannelser' }).click();
	await expect(page).toHaveURL(
		'/uddannelser/sammenlign?ids=datalogi-aalborg-universitet,bsc-in-robotics-aalborg-universitet'
	);
	await expect(page.locator('table thead th')).toHaveCount(2);
	await expect(page.getByRole('row', { name: /Undervisningssprog/ })).toContainText('Engelsk');
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: /^Fjern fra sammenligning\W+BSc in Robotics$/ }).click();
	await expect(page.getByText('Vælg mindst to uddannelser for at sammenligne.')).toBeVisible();
});

test('a programme page has requirements, deadlines in Danish time, figures and structured data', async ({
	page
}) => {
	await page.goto('/uddannelser/datamatiker-eksempel-professionshoejskole-demo');
	await expect(page.getByText('Demodata', { exact: true }).first()).toBeVisible();
	await expect(
		page.getByText('Med Erhvervsuddannelse (EUD): Engelsk C, Matematik C')
	).toBeVisible();
	await expect(page.getByText(/^Kvote 1: 5\. juli 20\d\d kl\. 12\.00$/)).toBeVisible();
	await expect(page.getByText('Fristerne er i dansk tid.')).toBeVisible();
	// A withheld figure reads "ikke offentliggjort", never 0.
	const latest = page.locator('table tbody tr').first();
	await expect(latest).toContainText('ikke offentliggjort');
	await expect(page.getByText(/Adgangskvotienten er ikke et adgangskrav/)).toBeVisible();
	// The chart is drawn for a wide screen and for a phone, and each screen shows one: on a
	// phone the one drawn at its width, so the labels keep their size.
	await expect(page.locator('figure svg')).toHaveCount(2);
	await expect(page.locator('figure svg:visible')).toHaveAttribute('width', '560');
	await page.setViewportSize({ width: 320, height: 800 });
	await expect(page.locator('figure svg:visible')).toHaveAttribute('width', '320');
	await page.setViewportSize({ width: 1280, height: 800 });
	await expect(page.getByRole('link', { name: 'Softwareudvikling (top-up)' })).toBeVisible();
	await expectNoAxeViolations(page);
	const ld = JSON.parse(
		(await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}'
	);
	expect(ld['@type']).toBe('EducationalOccupationalProgram');
	expect(ld.timeToComplete).toBe('P30M');
	expect(ld.provider.name).toBe('Eksempel Professionshøjskole (demo)');
	expect(await schemaOrgProblems(ld)).toEqual([]);

	await page.goto('/en/programmes/datamatiker-eksempel-professionshoejskole-demo');
	await expect(page.locator('h1')).toHaveText('Computer science (AP)');
	await expect(page.getByText(/^Quota 1: 5 July 20\d\d at 12:00$/)).toBeVisible();
	await expect(page.getByText('not published').first()).toBeVisible();
});

test('pathways: from where a student is to what she can apply for, without JavaScript', async ({
	browser,
	page: checked
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/uddannelser/veje');
	await page.getByLabel('Hvor er du nu?').selectOption('hf');
	await page.getByText('Dine fag og niveauer').click();
	await page.getByLabel('Engelsk', { exact: true }).selectOption('B');
	await page.getByLabel('Matematik', { exact: true }).selectOption('C');
	await page.getByRole('button', { name: 'Vis mine muligheder' }).click();
	await expect(page).toHaveURL(/niveau=hf/);
	const open = page.locator('section', {
		has: page.getByRole('heading', { name: /^Du kan søge/ })
	});
	await expect(open.getByRole('link', { name: 'Datamatiker', exact: true })).toBeVisible();
	await expect(open.getByRole('link', { name: 'Pædagog', exact: true })).toBeVisible();
	const missing = page.locator('section', {
		has: page.getByRole('heading', { name: /^Du mangler/ })
	});
	await expect(missing.locator('li', { hasText: 'Fysioterapeut' })).toContainText(
		'Mangler: Dansk A, Matematik B'
	);
	// Two results are put side by side, the answers staying; then compared.
	await open.getByRole('link', { name: /Føj til sammenligning.*Datamatiker/ }).click();
	await open.getByRole('link', { name: /Føj til sammenligning.*Pædagog/ }).click();
	await expect(page.getByRole('status')).toContainText('Datamatiker');
	await expect(open.getByRole('link', { name: /Fjern fra sammenligning.*Pædagog/ })).toBeVisible();
	const results = page.url();
	expect(results).toMatch(/niveau=hf/);
	await page.getByRole('link', { name: 'Sammenlign 2 uddannelser' }).click();
	await expect(page.locator('h1')).toContainText('Sammenlign');
	await expect(page.locator('main')).toContainText('Pædagog');
	// A grade that is not a grade is said, and nothing is worked out from it.
	await page.goto('/uddannelser/veje?niveau=hf&snit=syv');
	await expect(page.getByRole('alert')).toHaveText(
		'"syv" er ikke et gennemsnit. Skriv et tal fra -3 til 12, fx 7,4.'
	);
	await expect(page.getByRole('heading', { name: /^Du kan søge/ })).toHaveCount(0);
	// From a programme: what can I take after it?
	await page.goto('/en/programmes/pathways?fra=datamatiker-eksempel-professionshoejskole-demo');
	await expect(page.locator('h1')).toHaveText('Pathways after Computer science (AP)');
	await expect(
		page.getByRole('link', { name: 'Software development (top-up)', exact: true })
	).toBeVisible();
	await context.close();
	// axe runs in the page, so with JavaScript.
	await checked.goto(results);
	await expectNoAxeViolations(checked);
	await checked.goto('/en/programmes/pathways?fra=datamatiker-eksempel-professionshoejskole-demo');
	await expectNoAxeViolations(checked);
});

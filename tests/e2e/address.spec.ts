import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

/**
 * Nearest first from an address, on a server whose address lookup is the stand-in of
 * src/lib/server/geocoding/testing.ts (the page servers have none and take postcodes only).
 */
test.describe('distance from an address', () => {
	test('a student types an address and sees the nearest offers first, without JavaScript', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/tilbud');
		await page
			.getByLabel('Din adresse eller dit postnummer (valgfrit)')
			.fill('Lindholm Brygge 35, 9400 Nørresundby');
		await page.getByLabel('Sortér efter').selectOption('distance');
		await page.getByRole('button', { name: 'Vis resultater' }).click();
		await expect(
			page.getByText('Nærmeste først, målt fra Lindholm Brygge 35, 9400 Nørresundby.')
		).toBeVisible();
		const distances = await page.locator('.offer-list .form-hint').allInnerTexts();
		const km = distances.map((d) => Number(/([\d,]+) km væk/.exec(d)![1]!.replace(',', '.')));
		expect(km.length).toBeGreaterThan(3);
		expect(km).toEqual([...km].sort((a, b) => a - b));
		expect(distances[0]).toContain('9400 Nørresundby');
		// A postcode still works where addresses are looked up.
		await page.goto('/tilbud?near=9000&sort=distance');
		await expect(page.getByText('Nærmeste først, målt fra 9000 Aalborg.')).toBeVisible();
		// The privacy policy says where addresses go.
		await page.goto('/privatlivspolitik');
		await expect(page.locator('main')).toContainText(
			'sender serveren adressen (og intet andet om dig) til adresseopslaget hos 127.0.0.1:'
		);
		await context.close();
	});

	test('an address that is not found, or a lookup that fails, is said plainly and the list stays', async ({
		page
	}) => {
		const answer = await page.goto('/tilbud?near=Ukendt+Vej+1%2C+9999+Intetsted&sort=distance');
		// No cache keeps a page measured from an address (nor the address in its key).
		expect(answer?.headers()['cache-control']).toBe('private, no-store');
		await expect(page.locator('#near-error')).toContainText(
			'Vi kunne ikke finde adressen »Ukendt Vej 1, 9999 Intetsted«'
		);
		await expect(page.locator('#near')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('.offer-list h3').first()).toBeVisible();
		await expectNoAxeViolations(page);
		await page.goto('/en/offers?near=fejl&sort=distance');
		await expect(page.getByLabel('Your address or postcode (optional)')).toHaveValue('fejl');
		await expect(page.locator('#near-error')).toContainText(
			'The address lookup is not answering right now'
		);
		await expect(page.locator('.offer-list h3').first()).toBeVisible();
	});

	test('the offers API measures from an address, says why it could not, and keeps the answer private', async ({
		request
	}) => {
		const found = await request.get(
			`/api/v1/offers?${new URLSearchParams({ near: 'Gammeltorv 2, 9000 Aalborg', sort: 'distance' })}`
		);
		expect(found.status()).toBe(200);
		expect(found.headers()['cache-control']).toBe('private, no-store');
		const body = (await found.json()) as {
			near: { postalCode: string | null; name: string } | null;
			nearProblem: string | null;
			items: { distanceKm: number | null }[];
		};
		expect(body.near).toEqual({ postalCode: null, name: 'Gammeltorv 2, 9000 Aalborg' });
		expect(body.nearProblem).toBeNull();
		const km = body.items.map((i) => i.distanceKm).filter((d) => d !== null);
		expect(km.length).toBeGreaterThan(3);
		expect(km).toEqual([...km].sort((a, b) => a! - b!));
		const missing = (await (
			await request.get('/api/v1/offers?near=Rue+de+Rivoli+1%2C+Paris&sort=distance')
		).json()) as { near: unknown; nearProblem: string };
		expect(missing).toMatchObject({ near: null, nearProblem: 'address-not-found' });
		const byPostcode = await request.get('/api/v1/offers?near=9400');
		expect(byPostcode.headers()['cache-control']).toBe('public, max-age=60');
		expect((await byPostcode.json()).near).toEqual({ postalCode: '9400', name: 'Nørresundby' });
	});

	test('the job board measures from an address too, and a saved search asks for a postcode', async ({
		page,
		request
	}) => {
		await page.goto('/job');
		await page
			.getByLabel('Din adresse eller dit postnummer (valgfrit)')
			.fill('Gammeltorv 2, 9000 Aalborg');
		await page.getByLabel('Sortér efter').selectOption('distance');
		await page.getByRole('button', { name: 'Vis opslag' }).click();
		await expect(page.getByText('Afstand målt fra Gammeltorv 2, 9000 Aalborg.')).toBeVisible();
		const distances = (await page.locator('.offer-list li > p:not(.form-hint)').allInnerTexts())
			.map((t) => /([\d,]+) km væk/.exec(t)?.[1])
			.filter((d): d is string => d !== undefined)
			.map((d) => Number(d.replace(',', '.')));
		expect(distances.length).toBeGreaterThan(3);
		expect(distances).toEqual([...distances].sort((a, b) => a - b));
		const again = await page.reload();
		expect(again?.headers()['cache-control']).toBe('private, no-store');
		await expectNoAxeViolations(page);

		// A saved search is mailed about for months: it keeps a postcode, never an address.
		await page.getByLabel('Din e-mailadresse').fill('elev@example.dk');
		await page.getByRole('button', { name: 'Bestil mails' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'En gemt søgning kan kun måle afstand fra et postnummer'
		);

		const missing = await request.get(
			`/api/v1/opportunities?${new URLSearchParams({ near: 'Rue de Rivoli 1, Paris' })}`
		);
		expect(missing.headers()['cache-control']).toBe('private, no-store');
		expect(await missing.json()).toMatchObject({ near: null, nearProblem: 'address-not-found' });
		await page.goto('/en/jobs?near=fejl&sort=distance');
		await expect(page.locator('#near-error')).toContainText(
			'The address lookup is not answering right now'
		);
		await expect(page.locator('#near')).toHaveAttribute('aria-invalid', 'true');
	});
});

// Signing in through the pages, for browser tests that act as one of the accounts fixture's
// people (tests/e2e/accounts-fixture.ts writes them for each server the tests start).
import { readFileSync } from 'node:fs';
import { expect, type Browser } from '@playwright/test';
import type { Fixture } from './accounts-fixture.ts';
import { unusedTotp } from '../support/totp.ts';

/** The accounts fixture of the server at `baseURL`. */
export function accountsFixture(baseURL: string): Fixture {
	return JSON.parse(readFileSync(`.e2e/fixture-${new URL(baseURL).port}.json`, 'utf8')) as Fixture;
}

/**
 * A browser of its own for one person, signed in through the sign-in page (second factor
 * included), on the administration's front page.
 */
export async function signedInPage(browser: Browser, baseURL: string, who: string) {
	const f = accountsFixture(baseURL);
	const user = f.users[who];
	if (!user) throw new Error(`The accounts fixture has no ${who}`);
	const page = await (await browser.newContext({ baseURL })).newPage();
	await page.goto('/log-ind');
	await page.getByLabel('E-mailadresse').fill(user.email);
	await page.getByLabel('Adgangskode').fill(f.password);
	await page.getByRole('button', { name: 'Log ind' }).click();
	if (user.totpSecret) {
		await page.getByLabel('Kode').fill(await unusedTotp(user.totpSecret));
		await page.getByRole('button', { name: 'Bekræft' }).click();
	}
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Administration');
	return page;
}

import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { expectNoAxeViolations } from './axe.ts';
import { layoutProblems } from './layout.ts';
import { signedInPage } from './sign-in.ts';

async function checked(page: Page, path: string) {
	await page.goto(path);
	await expectNoAxeViolations(page);
}

test('one reporting round end to end: open, report, return, correct, approve, close, build and download the report', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(240_000);
	const unique = Date.now().toString(36);
	const title = `Lektiehjælp på ATG ${unique}`;
	const editor = await signedInPage(browser, baseURL!, 'roundEditor');
	const partner = await signedInPage(browser, baseURL!, 'partnerA');

	// The editor makes an initiative owned by partner A's school, then opens a round.
	await checked(editor, '/admin/indsatser/ny');
	await editor.getByLabel('Titel på dansk').fill(title);
	await editor.getByLabel('Beskrivelse på dansk').fill('Lektiehjælp to gange om ugen.');
	await editor.getByLabel(/^1\.1 /).check();
	await editor
		.getByLabel('Ansvarlig organisation')
		.selectOption({ label: 'Aalborg Tekniske Gymnasium' });
	await editor.getByLabel('Fase').selectOption('i-gang');
	await editor.getByLabel('Milepæl 1').fill('Lokale fundet');
	await editor.getByRole('button', { name: 'Gem indsatsen' }).click();
	await expect(editor.getByRole('status')).toContainText('Indsatsen er gemt.');
	await expectNoAxeViolations(editor);
	const slug = new URL(editor.url()).pathname.split('/').pop()!;

	await checked(editor, '/admin/runder');
	await editor.getByLabel('Navn på runden').fill(`Status e2e ${unique}`);
	await editor.getByLabel('Frist').fill('2030-03-01');
	await editor.getByRole('button', { name: 'Åbn runden' }).click();
	await expect(editor.getByRole('heading', { level: 1 })).toHaveText(`Status e2e ${unique}`);
	await expectNoAxeViolations(editor);
	expect(await layoutProblems(editor, 'the round page')).toEqual([]);
	const roundPath = new URL(editor.url()).pathname;
	await expect(editor.locator('tr', { hasText: title })).toContainText('Mangler');

	// The partner sees its own initiative only, and must say what is done when it is yellow.
	await checked(partner, roundPath);
	await expect(partner.locator('tbody tr')).toHaveCount(1);
	await partner.getByRole('link', { name: title }).click();
	await expectNoAxeViolations(partner);
	expect(await layoutProblems(partner, 'the update form')).toEqual([]);
	await partner.getByLabel('Gul: i risiko').check();
	await partner.getByLabel('Hvad er gjort siden sidst?').fill('Vi er gået i gang. UDKAST');
	await partner.getByLabel('Hvad er de næste skridt?').fill('Finde flere frivillige.');
	await partner.getByRole('button', { name: 'Send til godkendelse' }).click();
	await expect(partner.locator('.form-error-message')).toContainText('Skriv, hvad I gør ved det');
	await expectNoAxeViolations(partner);
	await partner.getByLabel('Hvad gør I ved det?').fill('Vi spørger elevrådet.');
	await partner.getByRole('button', { name: 'Send til godkendelse' }).click();
	await expect(partner.getByRole('status')).toContainText('sendt til godkendelse');

	// It waits in the editor's review queue; the editor returns it with a comment, the partner
	// corrects it, and the editor approves it.
	await checked(editor, '/admin/godkendelse');
	await editor.locator('.awaiting-updates').getByRole('link', { name: title }).click();
	await expect(editor).toHaveURL(new RegExp(`${roundPath}/${slug}$`));
	await editor
		.getByLabel('Kommentar til den ansvarlige')
		.fill('Skriv hvor mange elever der kommer.');
	await editor.getByRole('button', { name: 'Send tilbage' }).click();
	await expect(editor.locator('tr', { hasText: title })).toContainText('Sendt tilbage');

	await checked(partner, `${roundPath}/${slug}`);
	await expect(partner.locator('.alert-warning')).toContainText(
		'Skriv hvor mange elever der kommer.'
	);
	await partner
		.getByLabel('Hvad er gjort siden sidst?')
		.fill('Vi er gået i gang; 18 elever kommer hver uge.');
	await partner.getByRole('button', { name: 'Send til godkendelse' }).click();
	await expect(partner.getByRole('status')).toContainText('sendt til godkendelse');

	await checked(editor, `${roundPath}/${slug}`);
	await expect(editor.locator('.update-versions > li')).toHaveCount(2);
	await editor.getByRole('button', { name: 'Godkend', exact: true }).click();
	await expect(editor.locator('tr', { hasText: title })).toContainText('Godkendt');

	// Public: the approved text, never the returned draft.
	const publicPage = await (await browser.newContext({ baseURL })).newPage();
	await publicPage.goto(`/indsatser/${slug}`);
	await expect(publicPage.locator('.initiative-timeline')).toContainText(
		'18 elever kommer hver uge'
	);
	await expect(publicPage.locator('main')).not.toContainText('UDKAST');

	// Close, build the report, and read both files back.
	await editor.goto(roundPath);
	await editor.getByRole('button', { name: 'Luk runden' }).click();
	await expect(editor.locator('main')).toContainText('Lukket');
	await checked(editor, '/admin/rapporter');
	await editor.getByLabel('Statusrunde').selectOption({ label: `Status e2e ${unique}` });
	await editor.getByRole('button', { name: 'Byg rapporten' }).click();
	await expect(editor.getByRole('heading', { level: 1 })).toHaveText('Status til Uddannelsesrådet');
	await expectNoAxeViolations(editor);
	expect(await layoutProblems(editor, 'the report')).toEqual([]);

	const download = async (name: string) => {
		const href = await editor.getByRole('link', { name }).first().getAttribute('href');
		const res = await editor.context().request.get(href!);
		expect(res.status()).toBe(200);
		return res.body();
	};
	const pdf = await download('Hent som PDF');
	const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
	expect(text).toContain(`Statusrunde: Status e2e ${unique}`);
	expect(text).toContain(title);
	expect(text).toContain('18 elever kommer hver uge');
	expect(text).not.toContain('UDKAST');
	const docx = await JSZip.loadAsync(await download('Hent som Word (.docx)'));
	const xml = await docx.file('word/document.xml')!.async('string');
	expect(xml).toContain(title);
	expect(xml).toContain('<w:tblHeader/>');
	// Built by the editor, private until published.
	expect(
		(
			await (
				await browser.newContext({ baseURL })
			).request.get(editor.url().replace('/admin/rapporter/', '/opfoelgning/rapporter/'))
		).status()
	).toBe(404);
});

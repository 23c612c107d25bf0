import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT, main } from './main.ts';

function capture() {
	const out: string[] = [];
	const err: string[] = [];
	return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('uddannelsesby command', () => {
	let dataDir: string;
	const saved = process.env.DATA_DIR;
	const savedUrl = process.env.DATABASE_URL;
	beforeEach(() => {
		dataDir = mkdtempSync(join(tmpdir(), 'udb-cli-'));
		process.env.DATA_DIR = dataDir;
		delete process.env.DATABASE_URL;
	});
	afterEach(() => {
		rmSync(dataDir, { recursive: true, force: true });
		if (saved === undefined) delete process.env.DATA_DIR;
		else process.env.DATA_DIR = saved;
		if (savedUrl !== undefined) process.env.DATABASE_URL = savedUrl;
	});

	it('validates the shipped strategy', async () => {
		const c = capture();
		expect(await main(['strategy', 'validate', 'strategies/aalborg-2023-2026.yaml'], c.io)).toBe(
			EXIT.ok
		);
		expect(c.out.join('\n')).toBe(
			'strategies/aalborg-2023-2026.yaml is valid: Uddannelsesstrategi 2023-2026 (aalborg-2023-2026), 3 pejlemærker, 7 indicators.'
		);
	});

	it('loads, lists and activates strategies', async () => {
		const c = capture();
		expect(await main(['strategy', 'load', 'strategies/aalborg-2023-2026.yaml'], c.io)).toBe(
			EXIT.ok
		);
		expect(await main(['strategy', 'list'], c.io)).toBe(EXIT.ok);
		expect(c.out).toEqual([
			'Stored strategy aalborg-2023-2026; it is the active strategy.',
			'* aalborg-2023-2026  Uddannelsesstrategi 2023-2026 (2023-2026)'
		]);
		expect(await main(['strategy', 'activate', 'aalborg-2030-2033'], c.io)).toBe(EXIT.rejected);
		expect(c.err).toEqual(['No strategy with slug "aalborg-2030-2033" is stored.']);
	});

	it('rejects a missing file and unknown commands with exit code 2', async () => {
		const c = capture();
		expect(await main(['strategy', 'validate', 'strategies/findes-ikke.yaml'], c.io)).toBe(
			EXIT.rejected
		);
		expect(c.err[0]).toMatch(/^Cannot read strategies\/findes-ikke.yaml: ENOENT/);
		expect(await main(['strategi', 'list'], c.io)).toBe(EXIT.rejected);
		expect(await main(['strategy', 'delete'], c.io)).toBe(EXIT.rejected);
		expect(await main(['strategy', 'load', '--aktiver', 'x.yaml'], c.io)).toBe(EXIT.rejected);
	});

	it('imports indicator data all or nothing, with a dry run first', async () => {
		const { writeFileSync } = await import('node:fs');
		const c = capture();
		expect(await main(['strategy', 'load', 'strategies/aalborg-2023-2026.yaml'], c.io)).toBe(
			EXIT.ok
		);
		const bad = join(dataDir, 'frafald.csv');
		writeFileSync(bad, 'periode;område;værdi\n2022;851;10,5\n2023;851;9.5\n');
		expect(await main(['indicators', 'import', 'frafald', bad], c.io)).toBe(EXIT.rejected);
		expect(c.err).toEqual([
			`${bad} was rejected; nothing was imported (1 problem):`,
			'  row 3, column "værdi": "9.5" has a decimal point, but this file uses decimal comma: write 9,5'
		]);
		writeFileSync(bad, 'periode;område;værdi\n2022;851;10,5\n2023;851;9,5\n');
		expect(await main(['indicators', 'import', 'frafald', bad, '--dry-run'], c.io)).toBe(EXIT.ok);
		expect(await main(['indicators', 'import', 'frafald', bad], c.io)).toBe(EXIT.ok);
		expect(await main(['indicators', 'import', 'lykke', bad], c.io)).toBe(EXIT.rejected);
		expect(c.out.slice(1)).toEqual([
			`${bad}: 2 rows for 2022, 2023. Would add 2, change 0, remove 0; 0 unchanged. Nothing written (--dry-run).`,
			`Imported ${bad} into frafald: 2 added, 0 changed, 0 removed, 0 unchanged.`
		]);
		expect(c.err.at(-1)).toMatch(/^No indicator with code "lykke"/);
	});
});

import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectSource, csvSource, parseCsv } from './csv.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function problems(bytes: Uint8Array) {
	const r = await parseCsv(bytes);
	if (r.ok) throw new Error('expected rejection');
	return r.problems.map((p) => `${p.where}: ${p.message}`);
}

describe('tidy CSV', async () => {
	it('reads a Danish Excel file: semicolons, decimal comma, Windows-1252, breakdown column', async () => {
		// "område;år;køn;værdi" in Windows-1252: ø is 0xF8, æ is 0xE6, å is 0xE5.
		const text =
			'omr\xe5de;\xe5r;k\xf8n;v\xe6rdi\r\n851;2022;Kvinder;12,5\r\n851;2022;M\xe6nd;14\r\n851;2022;I alt;13,2\r\n';
		const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
		const r = await parseCsv(bytes);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.details).toEqual({
			encoding: 'Windows-1252',
			separator: ';',
			decimal: 'decimal comma'
		});
		expect(r.rows.map((o) => [o.geo, o.period, o.breakdowns, o.value])).toEqual([
			['851', '2022', { køn: 'Kvinder' }, 12.5],
			['851', '2022', { køn: 'Mænd' }, 14],
			['851', '2022', {}, 13.2]
		]);
	});

	it('reads UTF-8 with a BOM, commas and decimal points, flags and school years', async () => {
		const r = await parseCsv(
			utf8('\ufeffperiod,geography,value,flag\n2023/24,000,7.25,P\n2023/24,851,..,\n')
		);
		expect(r.ok && r.rows.map((o) => [o.period, o.geo, o.value, o.flags])).toEqual([
			['2023/24', '000', 7.25, ['provisional']],
			['2023/24', '851', null, ['suppressed']]
		]);
		expect(r.ok && r.details.encoding).toBe('UTF-8 with BOM');
	});

	it('rejects a CSV row with a decimal point in a Danish file', async () => {
		expect(await problems(utf8('periode;område;værdi\n2022;851;12,5\n2023;851;1.234\n'))).toEqual([
			'row 3, column "værdi": "1.234" has a decimal point, but this file uses decimal comma: write 1,234'
		]);
	});

	it('lists every bad row and cell with the reason', async () => {
		expect(
			await problems(
				utf8(
					'år;kommune;værdi\n2022;851;10\n22;851;11\n2023;Aalborg;=SUM(A1:A3)\n2022;851;9\n2024;851;\n2024;851\n'
				)
			)
		).toEqual([
			'row 3, column "år": "22" is not a period: use a year (2023), a school year (2023/24) or a quarter (2023Q1 or 2023K1)',
			'row 4, column "kommune": "Aalborg" is not a geography code: use Danmarks Statistik\'s codes (851 Aalborg, 000 all of Denmark, 081 Region Nordjylland)',
			'row 4, column "værdi": "=SUM(A1:A3)" is not a number',
			'row 5: same period, geography and breakdown as row 2',
			'row 6, column "værdi": value is empty: write the number, or .. for a value that is not published',
			'row 7: has 2 cells, but the header has 3'
		]);
	});

	it('names the missing columns', async () => {
		expect(await problems(utf8('aar;vaerdi\n2022;1\n'))).toEqual([
			expect.stringMatching(/^header: missing a geo column/)
		]);
	});

	it('follows a column mapping', async () => {
		const r = await parseCsv(utf8('Skoleår;Kommunekode;Pct;Kilde\n2022/23;851;3,1;UVM\n'), {
			period: 'Skoleår',
			value: 'Pct',
			ignore: ['Kilde']
		});
		expect(r.ok && r.rows[0]).toMatchObject({
			period: '2022/23',
			geo: '851',
			value: 3.1,
			breakdowns: {}
		});
	});
});

describe('tidy CSV read as a stream', () => {
	it('reads a file larger than one read chunk, with æøå split across chunk edges, from disk', async () => {
		const lines = ['år;område;uddannelse;værdi'];
		for (let i = 0; i < 40_000; i++)
			lines.push(`${2000 + (i % 25)};851;Ærø-Økonomi-Åben ${i};${i % 100},5`);
		const dir = mkdtempSync(join(tmpdir(), 'udb-csv-'));
		try {
			const path = join(dir, 'stor.csv');
			writeFileSync(path, lines.join('\r\n'));
			const source = await csvSource({ path });
			expect(source.details.encoding).toBe('UTF-8');
			const parsed = await collectSource(source);
			expect(parsed.ok && parsed.rows.length).toBe(40_000);
			expect(parsed.ok && parsed.rows[39_999]).toMatchObject({
				breakdowns: { uddannelse: 'Ærø-Økonomi-Åben 39999' },
				value: 99.5
			});
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('hands a file with quotes to the full CSV parser, keeping separators inside quotes', async () => {
		const r = await parseCsv(
			utf8(
				'år;område;"uddannelse; type";værdi\n2022;851;"Gymnasial; STX";12,5\n2022;851;"Erhverv ""EUD""";3\n'
			)
		);
		expect(r.ok && r.rows.map((o) => o.breakdowns)).toEqual([
			{ 'uddannelse; type': 'Gymnasial; STX' },
			{ 'uddannelse; type': 'Erhverv "EUD"' }
		]);
	});
});

#!/usr/bin/env node
// Writes demo/indicators/<code>.csv: invented but plausible series for the seven indicators,
// 2015-2025, for Aalborg, comparison municipalities, the region and the whole country, by
// gender. DEMO DATA: loaded on first start and labelled "demo" on every page until real data
// is imported for the indicator. Deterministic, so the files only change when this does.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), 'indicators');
mkdirSync(out, { recursive: true });

// Small deterministic PRNG (mulberry32) so the demo data is the same on every machine.
function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const geos = [
	{ code: '851', offset: 0 },
	{ code: '000', offset: 1.2 },
	{ code: '081', offset: 0.8 },
	{ code: '751', offset: -0.6 },
	{ code: '461', offset: 0.9 },
	{ code: '101', offset: -1.1 }
];
// Invented offsets for the other municipalities of Region Nordjylland and the two of the six
// largest municipalities not above (Esbjerg, Vejle).
const groupGeos = [
	{ code: '810', offset: 1.0 },
	{ code: '813', offset: 1.6 },
	{ code: '860', offset: 1.3 },
	{ code: '849', offset: 1.9 },
	{ code: '825', offset: 2.4 },
	{ code: '846', offset: 0.7 },
	{ code: '773', offset: 2.1 },
	{ code: '840', offset: -0.2 },
	{ code: '787', offset: 1.1 },
	{ code: '820', offset: 1.5 },
	{ code: '561', offset: 0.5 },
	{ code: '630', offset: -0.3 }
];
const genders = [
	{ name: 'I alt', offset: 0 },
	{ name: 'Kvinder', offset: -1 },
	{ name: 'Mænd', offset: 1 }
];
// level in 2015, yearly trend (percentage points), gender spread, noise
const indicators = {
	frafald: { level: 11.5, trend: -0.25, spread: 1.4, noise: 0.35 },
	'i-uddannelse': { level: 54, trend: 0.3, spread: -2.5, noise: 0.5 },
	'erhvervskompetencegivende-uddannelse': { level: 74, trend: 0.45, spread: -3, noise: 0.4 },
	mistrivsel: { level: 16, trend: 0.55, spread: -3.5, noise: 0.6 },
	'kultur-fritid-forening': { level: 61, trend: -0.35, spread: 1.5, noise: 0.8 },
	'ledige-dimittender': { level: 12, trend: -0.3, spread: 0.8, noise: 0.6 },
	erhvervsuddannelse: { level: 19, trend: 0.2, spread: 6, noise: 0.4 }
};

const danish = (v) => v.toFixed(1).replace('.', ',');
let seed = 851;
for (const [code, p] of Object.entries(indicators)) {
	const rand = random(seed++);
	const lines = ['periode;område;køn;værdi;flag'];
	for (let year = 2015; year <= 2025; year++) {
		for (const geo of geos) {
			for (const gender of genders) {
				const t = year - 2015;
				const value =
					p.level +
					geo.offset * (p.spread > 0 ? 1 : -1) +
					p.trend * t +
					(gender.offset * p.spread) / 2 +
					(rand() - 0.5) * 2 * p.noise;
				// A small cell is not published, as statistics offices do: shown as "not published", never 0.
				const suppressed =
					code === 'ledige-dimittender' &&
					year === 2016 &&
					geo.code === '461' &&
					gender.name === 'Mænd';
				const flag = suppressed ? 'C' : year === 2025 ? 'P' : '';
				lines.push(
					[
						year,
						geo.code,
						gender.name,
						suppressed ? '..' : danish(Math.max(0, Math.min(100, value))),
						flag
					].join(';')
				);
			}
		}
	}
	// The other members of the comparison groups (taxonomy/comparison-groups.yaml), totals
	// only, from a PRNG of their own so the series above stay as they were.
	const more = random(seed + 1000);
	for (let year = 2015; year <= 2025; year++) {
		for (const geo of groupGeos) {
			const value =
				p.level +
				geo.offset * (p.spread > 0 ? 1 : -1) +
				p.trend * (year - 2015) +
				(more() - 0.5) * 2 * p.noise * 1.5;
			lines.push(
				[
					year,
					geo.code,
					'I alt',
					danish(Math.max(0, Math.min(100, value))),
					year === 2025 ? 'P' : ''
				].join(';')
			);
		}
	}
	writeFileSync(join(out, `${code}.csv`), lines.join('\r\n') + '\r\n');
}
console.log(`wrote ${Object.keys(indicators).length} demo files to ${out}`);

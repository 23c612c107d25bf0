#!/usr/bin/env node
// Writes demo/directory/offers.json: about 200 invented but realistic offers from invented
// organisations, across every category and audience, in Danish with English for at least a
// third, from the templates in demo/generate-directory.yaml. DEMO DATA: loaded on first start
// and labelled demo on every page that shows it. Deterministic, so the file only changes when
// this script or its templates do.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'directory');
mkdirSync(out, { recursive: true });

const source = parse(readFileSync(join(here, 'generate-directory.yaml'), 'utf8'));
const { organizations, offers: templates } = source;
// Each place's postcode and an approximate centre; demo addresses are invented ("Eksempelvej").
const placeAreas = source.places;
const places = Object.keys(placeAreas);
/** A weekly schedule that suits the kind of offer (iCal days, local time). */
function hoursFor(categories, n) {
	if (categories.includes('lektiehjaelp'))
		return [{ byday: n % 2 ? 'MO,WE' : 'TU,TH', opensAt: '15:00', closesAt: '18:00' }];
	if (categories.includes('fritid-og-idraet') || categories.includes('kultur'))
		return [{ byday: n % 2 ? 'TU,TH' : 'MO,WE', opensAt: '17:00', closesAt: '20:30' }];
	if (categories.includes('vejledning') || categories.includes('stoette-og-hjaelpemidler'))
		return [
			{ byday: 'MO,TU,WE,TH', opensAt: '09:00', closesAt: '15:00' },
			{ byday: 'FR', opensAt: '09:00', closesAt: '12:00' }
		];
	if (categories.includes('trivsel-og-mental-sundhed'))
		return [{ byday: 'MO,TU,WE,TH,FR', opensAt: '10:00', closesAt: '16:00' }];
	return n % 3 === 0 ? [] : [{ byday: 'SA', opensAt: '10:00', closesAt: '14:00' }];
}
const offers = [];
for (const {
	name: { da: nameDa, en: nameEn },
	description: { da: descDa, en: descEn },
	categories,
	audiences,
	guidepost,
	organizations: orgKeys,
	...extra
} of templates) {
	for (const orgKey of orgKeys) {
		for (let copy = 0; copy < 3; copy++) {
			const place = places[(offers.length * 3 + copy) % places.length];
			const suffix = copy === 0 ? '' : ` i ${place}`;
			offers.push({
				organization: orgKey,
				name: {
					da: nameDa + suffix,
					...(nameEn ? { en: nameEn + (copy === 0 ? '' : ` in ${place}`) } : {})
				},
				description: { da: descDa, ...(descEn ? { en: descEn } : {}) },
				categories,
				audiences,
				guidepost,
				languages: extra.languages ?? (descEn ? ['da', 'en'] : ['da']),
				isFree: extra.isFree ?? true,
				...(extra.priceOre !== undefined ? { priceOre: extra.priceOre } : {}),
				...(extra.minimumAge !== undefined ? { minimumAge: extra.minimumAge } : {}),
				...(extra.maximumAge !== undefined ? { maximumAge: extra.maximumAge } : {}),
				locations: (() => {
					const [postalCode, city, lat, lon] = placeAreas[place];
					const n = offers.length;
					const org = organizations.find((o) => o.key === orgKey);
					return [
						{
							name: `${org.name.replace(' (demo)', '')}, ${place} (demo)`,
							address: `Eksempelvej ${1 + (n % 97)}`,
							postalCode,
							city,
							// A few hundred metres around the area's centre, the same on every run.
							latitude: Math.round((lat + (((n * 37) % 21) - 10) * 0.0006) * 1e5) / 1e5,
							longitude: Math.round((lon + (((n * 53) % 21) - 10) * 0.001) * 1e5) / 1e5,
							...(n % 4 === 0
								? {
										accessibility: {
											da: 'Niveaufri adgang og handicaptoilet.',
											en: 'Step-free access and an accessible toilet.'
										}
									}
								: {})
						}
					];
				})(),
				schedules: hoursFor(categories, offers.length)
			});
		}
	}
}
writeFileSync(
	join(out, 'offers.json'),
	JSON.stringify(
		{ note: 'DEMO DATA: invented organisations and offers.', organizations, offers },
		null,
		'\t'
	) + '\n'
);
console.log(
	`demo/directory/offers.json: ${organizations.length} organisations, ${offers.length} offers, ${offers.filter((o) => o.name.en).length} with English`
);

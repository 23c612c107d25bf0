#!/usr/bin/env node
// Writes demo/opportunities/postings.json: about 150 invented but realistic postings from
// invented employers and associations, across every kind, in Danish with English for some, from
// the templates in demo/generate-opportunities.yaml. DEMO DATA: loaded on first start and labelled demo on every page that shows it.
// Deadlines are days from the day of loading. Deterministic.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'opportunities');
mkdirSync(out, { recursive: true });

const {
	organizations,
	postings: templates,
	places,
	suits,
	offered,
	leadEn,
	...source
} = parse(readFileSync(join(here, 'generate-opportunities.yaml'), 'utf8'));

const fullText = (lead, list, apply, demo) =>
	`${lead}\n\n**${list.heading}**\n\n${list.items.map((i) => `- ${i}`).join('\n')}\n\n${apply}\n\n*${demo}*`;

const postings = [];
let n = 0;
for (const {
	type,
	title: { da: titleDa, en: titleEn },
	lead: descDa,
	organizations: orgKeys,
	...extra
} of templates) {
	for (const orgKey of orgKeys) {
		for (let copy = 0; copy < Math.ceil(8 / orgKeys.length); copy++) {
			const [street, postalCode, city, lat, lon] = places[n % places.length];
			const remote = type === 'studiejob' && n % 5 === 0;
			const published = 60 + ((n * 9973) % (40 * 24 * 60));
			postings.push({
				organization: orgKey,
				type,
				title: {
					da: titleDa + (copy ? ` (${city})` : ''),
					...(titleEn ? { en: titleEn + (copy ? ` (${city})` : '') } : {})
				},
				description: {
					da: fullText(
						descDa,
						{ heading: 'Det får du', items: offered[type].da },
						'Send en kort ansøgning på mail, og fortæl, hvorfor du vil have jobbet.',
						'Opslaget er opdigtet demodata.'
					),
					...(titleEn
						? {
								en: fullText(
									`${titleEn}. ${leadEn[type]}`,
									{ heading: 'What you get', items: offered[type].en },
									'Send a short application by e-mail saying why you want the job.',
									'An invented demo posting.'
								)
							}
						: {})
				},
				...(remote
					? { remote: true }
					: {
							address: `${street} ${1 + (n % 90)} (demo)`,
							postalCode,
							city,
							latitude: Math.round((lat + ((n % 7) - 3) * 0.002) * 1e5) / 1e5,
							longitude: Math.round((lon + ((n % 5) - 2) * 0.003) * 1e5) / 1e5
						}),
				applyEmail: `job${n}@eksempel.invalid`,
				contactName: 'Kontaktperson (demo)',
				// Most are open for weeks; a few close soon; some have no deadline (60 days).
				...(n % 6 === 5 ? {} : { deadlineInDays: n % 9 === 0 ? 3 : 14 + ((n * 7) % 60) }),
				...(n % 4 === 0 ? { startDate: '2027-02-01' } : {}),
				// Published over the last 40 days, each at its own minute; every fourth changed since.
				publishedMinutesAgo: published,
				...(n % 4 === 1 ? { changedMinutesAgo: Math.floor(published / 3) } : {}),
				...suits[type],
				...extra
			});
			n++;
		}
	}
}
// Partnerships between the demo employers above and the demo schools of demo/directory.
const partnerships = source.partnerships.map(
	({ organization, partners, kinds, title: { da, en }, description, programmes }) => ({
		organization,
		partners,
		kinds,
		title: { da: `${da} (demo)`, ...(en ? { en: `${en} (demo)` } : {}) },
		description: { da: `${description} (Opdigtet demodata.)` },
		programmes,
		contactName: 'Kontaktperson (demo)'
	})
);

writeFileSync(
	join(out, 'postings.json'),
	JSON.stringify(
		{
			note: 'DEMO DATA: invented employers, associations, postings and partnerships.',
			organizations,
			postings,
			partnerships
		},
		null,
		'\t'
	) + '\n'
);
console.log(`demo/opportunities/postings.json: ${postings.length} postings`);

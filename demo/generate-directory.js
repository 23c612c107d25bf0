#!/usr/bin/env node
// Writes demo/directory/offers.json: about 200 invented but realistic offers from invented
// organisations, across every category and audience, in Danish with English for at least a
// third. DEMO DATA: loaded on first start and labelled demo on every page that shows it.
// Deterministic, so the file only changes when this script does.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), 'directory');
mkdirSync(out, { recursive: true });

const organizations = [
	{ key: 'gym', name: 'Eksempelgymnasiet (demo)', kind: 'school' },
	{ key: 'eud', name: 'Erhvervsskolen Eksempel (demo)', kind: 'school' },
	{ key: 'vid', name: 'Eksempel Professionshøjskole (demo)', kind: 'school' },
	{ key: 'ungdomsskole', name: 'Ungdomsskolen i Eksempelby (demo)', kind: 'municipal' },
	{ key: 'uu', name: 'Ungdommens Uddannelsesvejledning, eksempel (demo)', kind: 'municipal' },
	{ key: 'forening', name: 'Foreningen Fællesskab for Unge (demo)', kind: 'association' },
	{ key: 'idraet', name: 'Eksempel Idrætsforening (demo)', kind: 'association' },
	{ key: 'kultur', name: 'Kulturhuset Eksempel (demo)', kind: 'municipal' },
	{ key: 'frivillig', name: 'Frivilligcenter Eksempel (demo)', kind: 'association' },
	{ key: 'sundhed', name: 'Sundhedshuset for Unge, eksempel (demo)', kind: 'municipal' }
];

// [name da, name en | null, description da, description en | null, categories, audiences, guidepost, organisations, extra]
const templates = [
	[
		'Lektiecafé',
		'Homework café',
		'Frivillige og ældre elever hjælper med lektier, opgaver og eksamenslæsning. Kom, når du vil – der er kaffe og te.',
		'Volunteers and older students help with homework, assignments and exam preparation. Drop in any time.',
		['lektiehjaelp', 'faellesskaber'],
		['udskoling', 'ungdomsuddannelse'],
		'uddannelse-for-alle',
		['gym', 'eud', 'ungdomsskole', 'frivillig'],
		{}
	],
	[
		'Hjælp til ordblinde',
		'Support for students with dyslexia',
		'Test for ordblindhed, it-rygsæk med oplæsning og skrivestøtte, og en fast kontaktperson, der hjælper dig i gang.',
		'Dyslexia screening, assistive software for reading and writing, and a contact person who helps you get started.',
		['stoette-og-hjaelpemidler'],
		['ungdomsuddannelse', 'videregaaende-uddannelse'],
		'uddannelse-for-alle',
		['gym', 'eud', 'vid'],
		{}
	],
	[
		'Specialpædagogisk støtte (SPS)',
		'Special educational support (SPS)',
		'Studiestøttetimer, mentor eller hjælpemidler, hvis du har en funktionsnedsættelse eller en diagnose. Søg gennem din uddannelse.',
		'Study support hours, a mentor or aids if you have a disability or a diagnosis. Apply through your school.',
		['stoette-og-hjaelpemidler'],
		['ungdomsuddannelse', 'videregaaende-uddannelse'],
		'uddannelse-for-alle',
		['gym', 'eud', 'vid'],
		{}
	],
	[
		'Studievejledning',
		'Student counselling',
		'Snak med en studievejleder om fravær, skemaer, valgfag, SU eller tvivl om din uddannelse. Book en tid eller kom forbi.',
		'Talk to a counsellor about absence, timetables, electives, student grants or doubts about your programme.',
		['vejledning'],
		['ungdomsuddannelse', 'videregaaende-uddannelse'],
		'uddannelse-for-alle',
		['gym', 'eud', 'vid'],
		{}
	],
	[
		'Uddannelsesvejledning i udskolingen',
		null,
		'Vejledning om valg af ungdomsuddannelse, brobygning og praktik for elever i 7.-10. klasse og deres forældre.',
		null,
		['vejledning'],
		['udskoling', 'foraeldre'],
		'gode-overgange',
		['uu'],
		{ minimumAge: 12, maximumAge: 17 }
	],
	[
		'Brobygning til ungdomsuddannelse',
		null,
		'Prøv at gå på en ungdomsuddannelse i en uge, før du vælger. Du følger undervisningen og får en makker fra skolen.',
		null,
		['vejledning'],
		['udskoling'],
		'gode-overgange',
		['gym', 'eud', 'uu'],
		{ minimumAge: 13, maximumAge: 17 }
	],
	[
		'Samtaler med en psykolog',
		'Talks with a psychologist',
		'Op til fem gratis samtaler, hvis du er ked af det, stresset eller angst. Du kan være anonym.',
		'Up to five free talks if you feel down, stressed or anxious. You can stay anonymous.',
		['trivsel-og-mental-sundhed'],
		['ungdomsuddannelse', 'videregaaende-uddannelse'],
		'trivsel-og-faellesskaber',
		['sundhed', 'vid'],
		{ minimumAge: 15, maximumAge: 30, languages: ['da', 'en'] }
	],
	[
		'Stressgruppe for studerende',
		'Stress group for students',
		'Et forløb på seks gange om stress, søvn og studieliv med andre studerende. Ledet af en sundhedsplejerske.',
		'Six sessions on stress, sleep and student life with other students, led by a health visitor.',
		['trivsel-og-mental-sundhed', 'faellesskaber'],
		['videregaaende-uddannelse', 'ungdomsuddannelse'],
		'trivsel-og-faellesskaber',
		['sundhed', 'vid', 'gym'],
		{}
	],
	[
		'Ung-til-ung-rådgivning',
		'Peer counselling',
		'Frivillige unge lytter og hjælper, når livet er svært. Chat, telefon eller mød op.',
		'Young volunteers listen and help when life is hard. Chat, phone or drop in.',
		['trivsel-og-mental-sundhed'],
		['udskoling', 'ungdomsuddannelse'],
		'trivsel-og-faellesskaber',
		['forening', 'frivillig'],
		{ minimumAge: 13, maximumAge: 25 }
	],
	[
		'Fodbold for unge',
		'Football for young people',
		'Træning to gange om ugen og kampe i weekenden. Alle niveauer er velkomne, og du kan prøve gratis to gange.',
		'Training twice a week and matches at weekends. All levels welcome; try it free twice.',
		['fritid-og-idraet'],
		['udskoling', 'ungdomsuddannelse'],
		'trivsel-og-faellesskaber',
		['idraet'],
		{ minimumAge: 13, maximumAge: 19, isFree: false, priceOre: 60000 }
	],
	[
		'Klatring i hallen',
		null,
		'Bouldering og klatring med instruktør hver torsdag. Udstyr kan lånes.',
		null,
		['fritid-og-idraet'],
		['ungdomsuddannelse', 'videregaaende-uddannelse'],
		'trivsel-og-faellesskaber',
		['idraet', 'ungdomsskole'],
		{ isFree: false, priceOre: 25000 }
	],
	[
		'Løbeklub for studerende',
		'Running club for students',
		'Vi løber sammen tirsdag og søndag, 5 eller 10 km, og spiser bagefter.',
		'We run together on Tuesdays and Sundays, 5 or 10 km, and eat together afterwards.',
		['fritid-og-idraet', 'faellesskaber'],
		['videregaaende-uddannelse'],
		'trivsel-og-faellesskaber',
		['idraet', 'frivillig'],
		{ languages: ['da', 'en'] }
	],
	[
		'Musikværksted',
		'Music workshop',
		'Spil i band, lær at producere musik og optræd på husets scene. Instrumenter kan lånes.',
		'Play in a band, learn to produce music and perform on our stage. Instruments can be borrowed.',
		['kultur', 'faellesskaber'],
		['udskoling', 'ungdomsuddannelse'],
		'trivsel-og-faellesskaber',
		['kultur', 'ungdomsskole'],
		{}
	],
	[
		'Billige billetter til teater og koncerter',
		null,
		'Unge under 25 får billetter til teater, koncerter og film til halv pris med ungekortet.',
		null,
		['kultur'],
		['ungdomsuddannelse', 'videregaaende-uddannelse'],
		'trivsel-og-faellesskaber',
		['kultur'],
		{ maximumAge: 25, isFree: false, priceOre: 5000 }
	],
	[
		'Skrive- og fortælleværksted',
		null,
		'Skriv noveller, digte eller rap sammen med en forfatter. Vi mødes hver anden onsdag.',
		null,
		['kultur'],
		['udskoling', 'ungdomsuddannelse'],
		'trivsel-og-faellesskaber',
		['kultur', 'ungdomsskole'],
		{}
	],
	[
		'Frivillig i lektiecaféen',
		'Volunteer at the homework café',
		'Bliv frivillig lektiehjælper to timer om ugen. Det giver erfaring til dit CV og nye venner.',
		'Volunteer as a homework helper two hours a week. Good for your CV and new friends.',
		['foreninger-og-frivillighed'],
		['ungdomsuddannelse', 'videregaaende-uddannelse'],
		'gode-overgange',
		['frivillig', 'forening'],
		{ minimumAge: 16 }
	],
	[
		'Bestyrelsesarbejde for unge',
		null,
		'Prøv kræfter med foreningsarbejde i en ungebestyrelse. Vi lærer dig møder, budget og projekter.',
		null,
		['foreninger-og-frivillighed', 'faellesskaber'],
		['ungdomsuddannelse'],
		'trivsel-og-faellesskaber',
		['forening', 'frivillig'],
		{ minimumAge: 15, maximumAge: 25 }
	],
	[
		'Fællesspisning for nye studerende',
		'Community dinner for new students',
		'Hver fredag laver vi mad sammen og spiser. Godt, hvis du er ny i byen og vil møde andre.',
		'Every Friday we cook and eat together. Good if you are new in town and want to meet people.',
		['faellesskaber'],
		['videregaaende-uddannelse', 'internationale-studerende'],
		'trivsel-og-faellesskaber',
		['vid', 'forening', 'frivillig'],
		{ languages: ['da', 'en'], isFree: false, priceOre: 3000 }
	],
	[
		'Buddy-ordning for internationale studerende',
		'Buddy scheme for international students',
		'Få en dansk studiebuddy, der viser dig byen, universitetet og hverdagen i Danmark.',
		'Get a Danish study buddy who shows you the city, the campus and everyday life in Denmark.',
		['faellesskaber', 'vejledning'],
		['internationale-studerende'],
		'trivsel-og-faellesskaber',
		['vid', 'frivillig'],
		{ languages: ['en', 'da'] }
	],
	[
		'Hjælp til at finde bolig',
		'Help finding housing',
		'Vejledning om kollegier, ungdomsboliger og værelser, og hvordan du undgår boligsvindel.',
		'Guidance on halls of residence, youth housing and rooms, and how to avoid housing scams.',
		['bolig-og-transport'],
		['videregaaende-uddannelse', 'internationale-studerende'],
		'uddannelse-for-alle',
		['vid', 'uu'],
		{ languages: ['da', 'en'] }
	],
	[
		'Rabat på bus og tog',
		null,
		'Sådan får du ungdomskort og rabat på transport til din uddannelse.',
		null,
		['bolig-og-transport', 'oekonomi-og-su'],
		['ungdomsuddannelse', 'videregaaende-uddannelse'],
		'uddannelse-for-alle',
		['uu'],
		{}
	],
	[
		'Hjælp til SU og økonomi',
		'Help with student grants and money',
		'Få styr på SU, fribeløb, lån og budget. Vi gennemgår din økonomi sammen med dig.',
		'Get on top of student grants, loans and your budget. We go through your finances with you.',
		['oekonomi-og-su', 'vejledning'],
		['ungdomsuddannelse', 'videregaaende-uddannelse'],
		'uddannelse-for-alle',
		['vid', 'gym', 'eud'],
		{}
	],
	[
		'Mentor til unge, der har svært ved at gennemføre',
		null,
		'En voksen mentor, der mødes med dig hver uge og hjælper med struktur, fravær og motivation.',
		null,
		['stoette-og-hjaelpemidler', 'vejledning'],
		['ungdomsuddannelse'],
		'uddannelse-for-alle',
		['eud', 'uu', 'gym'],
		{ minimumAge: 15, maximumAge: 25 }
	],
	[
		'Forældremøde om uddannelsesvalg',
		'Parent meeting on choosing an education',
		'Aftenmøde for forældre om ungdomsuddannelser, optagelse og hvordan I støtter jeres barns valg.',
		"An evening meeting for parents on upper secondary options, admission and supporting your child's choice.",
		['vejledning'],
		['foraeldre'],
		'gode-overgange',
		['uu', 'gym', 'eud'],
		{}
	],
	[
		'Netværk for lærere om trivsel',
		null,
		'Fagprofessionelle deler erfaringer med trivselsarbejde og fravær i klassen. Fire møder om året.',
		null,
		['trivsel-og-mental-sundhed', 'faellesskaber'],
		['fagprofessionelle'],
		'trivsel-og-faellesskaber',
		['uu', 'sundhed'],
		{}
	],
	[
		'Studieteknik og eksamensangst',
		'Study skills and exam anxiety',
		'Kursus i planlægning, notatteknik og at håndtere eksamensangst. Tre aftener.',
		'A course in planning, note-taking and handling exam anxiety. Three evenings.',
		['lektiehjaelp', 'trivsel-og-mental-sundhed'],
		['ungdomsuddannelse', 'videregaaende-uddannelse'],
		'uddannelse-for-alle',
		['gym', 'vid', 'eud'],
		{}
	],
	[
		'Voksen- og efteruddannelsesvejledning',
		null,
		'Vejledning til voksne, der vil tage en uddannelse eller skifte retning, herunder realkompetencevurdering.',
		null,
		['vejledning'],
		['voksen-og-efteruddannelse'],
		'gode-overgange',
		['uu', 'eud', 'vid'],
		{ minimumAge: 25 }
	],
	[
		'Danskundervisning for internationale studerende',
		'Danish lessons for international students',
		'Gratis danskundervisning to gange om ugen, så du lettere finder studiejob og venner.',
		'Free Danish lessons twice a week, so finding a student job and friends gets easier.',
		['faellesskaber', 'vejledning'],
		['internationale-studerende'],
		'gode-overgange',
		['vid', 'frivillig'],
		{ languages: ['en', 'da'] }
	],
	[
		'Gaming- og e-sportsklub',
		'Gaming and e-sports club',
		'Spil sammen i et trygt fællesskab med faste træningsaftener og turneringer.',
		'Play together in a safe community with training nights and tournaments.',
		['fritid-og-idraet', 'faellesskaber'],
		['udskoling', 'ungdomsuddannelse'],
		'trivsel-og-faellesskaber',
		['ungdomsskole', 'forening'],
		{ minimumAge: 12, maximumAge: 20 }
	],
	[
		'Ungdomsskolens aftenhold',
		null,
		'Hold i madlavning, knallertkørekort, foto og meget mere for 13-18-årige.',
		null,
		['fritid-og-idraet', 'kultur'],
		['udskoling', 'ungdomsuddannelse'],
		'trivsel-og-faellesskaber',
		['ungdomsskole'],
		{ minimumAge: 13, maximumAge: 18 }
	]
];

const places = [
	'Aalborg C',
	'Aalborg Øst',
	'Nørresundby',
	'Vejgaard',
	'Hasseris',
	'Svenstrup',
	'Storvorde',
	'Vodskov'
];
// Each place's postcode and an approximate centre; demo addresses are invented ("Eksempelvej").
const placeAreas = {
	'Aalborg C': ['9000', 'Aalborg', 57.047, 9.919],
	'Aalborg Øst': ['9220', 'Aalborg Øst', 57.032, 10.003],
	Nørresundby: ['9400', 'Nørresundby', 57.065, 9.924],
	Vejgaard: ['9000', 'Aalborg', 57.043, 9.951],
	Hasseris: ['9000', 'Aalborg', 57.041, 9.884],
	Svenstrup: ['9230', 'Svenstrup J', 56.972, 9.851],
	Storvorde: ['9280', 'Storvorde', 57.003, 10.102],
	Vodskov: ['9310', 'Vodskov', 57.105, 10.025]
};
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
for (const [
	nameDa,
	nameEn,
	descDa,
	descEn,
	categories,
	audiences,
	guidepost,
	orgKeys,
	extra
] of templates) {
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

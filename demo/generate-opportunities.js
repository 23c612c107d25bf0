#!/usr/bin/env node
// Writes demo/opportunities/postings.json: about 150 invented but realistic postings from
// invented employers and associations, across every kind, in Danish with English for some.
// DEMO DATA: loaded on first start and labelled demo on every page that shows it.
// Deadlines are days from the day of loading. Deterministic.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), 'opportunities');
mkdirSync(out, { recursive: true });

const organizations = [
	{ key: 'super', name: 'Eksempel Supermarked (demo)', kind: 'employer' },
	{ key: 'cafe', name: 'Café Eksempel (demo)', kind: 'employer' },
	{ key: 'it', name: 'Eksempel IT ApS (demo)', kind: 'employer' },
	{ key: 'vaerk', name: 'Maskinfabrikken Eksempel (demo)', kind: 'employer' },
	{ key: 'el', name: 'Eksempel El-service (demo)', kind: 'employer' },
	{ key: 'hospital', name: 'Eksempelhospitalet (demo)', kind: 'municipal' },
	{ key: 'kommune', name: 'Forvaltningen Eksempel (demo)', kind: 'municipal' },
	{ key: 'klub', name: 'Eksempel Idrætsklub (demo)', kind: 'association' },
	{ key: 'kor', name: 'Frivilligcenter Eksempel, opslag (demo)', kind: 'association' },
	{ key: 'energi', name: 'Grøn Energi Eksempel A/S (demo)', kind: 'employer' }
];

// [type, title da, title en | null, description da, orgs, extra]
const templates = [
	[
		'fritidsjob',
		'Flaskedreng/-pige',
		'Bottle return assistant',
		'Hjælp med flaskeautomaten og opfyldning af varer efter skole. Vi lærer dig op.',
		['super'],
		{ hoursPerWeek: 6, pay: 'paid', hourlyPayOre: 7500, minimumAge: 13 }
	],
	[
		'fritidsjob',
		'Opvasker i weekenden',
		null,
		'Opvask og oprydning i køkkenet fredag og lørdag aften.',
		['cafe'],
		{ hoursPerWeek: 8, pay: 'paid', hourlyPayOre: 9500, minimumAge: 15 }
	],
	[
		'fritidsjob',
		'Kassemedarbejder',
		'Checkout assistant',
		'Betjen kunder ved kassen og hjælp i butikken to aftener om ugen og hver anden weekend.',
		['super'],
		{ hoursPerWeek: 10, pay: 'paid', hourlyPayOre: 11000, minimumAge: 15 }
	],
	[
		'studiejob',
		'Studentermedhjælper til softwareudvikling',
		'Student developer',
		'Vær med til at udvikle vores webløsninger i TypeScript sammen med erfarne udviklere. Fleksible timer ved siden af studiet.',
		['it'],
		{
			hoursPerWeek: 15,
			pay: 'paid',
			hourlyPayOre: 18000,
			englishFriendly: true,
			fields: ['it'],
			levels: ['videregaaende']
		}
	],
	[
		'studiejob',
		'Studentermedhjælper i kommunikation',
		null,
		'Skriv nyheder, opdater hjemmesiden og hjælp med sociale medier.',
		['kommune'],
		{
			hoursPerWeek: 12,
			pay: 'paid',
			hourlyPayOre: 17000,
			fields: ['kommunikation'],
			levels: ['videregaaende']
		}
	],
	[
		'studiejob',
		'Studiejob som laborant-hjælper',
		'Student lab assistant',
		'Hjælp i laboratoriet med prøver og registrering. Du læser kemi, biologi eller medicin.',
		['hospital'],
		{
			hoursPerWeek: 10,
			pay: 'paid',
			hourlyPayOre: 17500,
			englishFriendly: true,
			fields: ['sundhed', 'naturvidenskab'],
			levels: ['videregaaende']
		}
	],
	[
		'frivilligt-arbejde',
		'Frivillig træner for U13',
		'Volunteer coach for under-13s',
		'Hjælp vores trænere to gange om ugen. Du får et trænerkursus betalt af klubben.',
		['klub'],
		{ hoursPerWeek: 3, pay: 'volunteer', minimumAge: 16 }
	],
	[
		'frivilligt-arbejde',
		'Frivillig i lektiecaféen',
		'Volunteer at the homework café',
		'Hjælp elever i udskolingen med lektier en eftermiddag om ugen.',
		['kor'],
		{ hoursPerWeek: 2, pay: 'volunteer', englishFriendly: true }
	],
	[
		'frivilligt-arbejde',
		'Frivillig ved festival',
		null,
		'Vær med til at bygge op og afvikle en lokal musikfestival. Du får gratis adgang.',
		['kor'],
		{ hoursPerWeek: 8, pay: 'volunteer', minimumAge: 15 }
	],
	[
		'praktikplads',
		'Praktik i marketing',
		'Marketing internship',
		'Praktikforløb for studerende på markedsføringsøkonom eller lignende. Du får din egen opgave og en fast vejleder.',
		['it', 'energi'],
		{
			hoursPerWeek: 37,
			pay: 'unpaid',
			englishFriendly: true,
			fields: ['oekonomi', 'kommunikation'],
			levels: ['videregaaende']
		}
	],
	[
		'praktikplads',
		'Praktik som sygeplejerskestuderende',
		null,
		'Klinisk praktik på medicinsk afdeling med fast klinisk vejleder.',
		['hospital'],
		{ hoursPerWeek: 32, pay: 'unpaid', fields: ['sundhed'], levels: ['videregaaende'] }
	],
	[
		'praktikplads',
		'Erhvervspraktik i 9. klasse',
		'Work experience for year 9 pupils',
		'En uges erhvervspraktik, hvor du prøver hverdagen på en fabrik.',
		['vaerk'],
		{ hoursPerWeek: 30, pay: 'unpaid', minimumAge: 14, levels: ['udskoling'] }
	],
	[
		'laereplads',
		'Elev som elektriker',
		'Electrician apprentice',
		'Læreplads på elektrikeruddannelsen. Du kommer ud på opgaver i private hjem og virksomheder.',
		['el'],
		{
			hoursPerWeek: 37,
			pay: 'paid',
			education: 'Elektriker',
			specialisation: 'Bygningsautomatik',
			hourlyPayOre: 8500,
			fields: ['teknik'],
			levels: ['erhvervsuddannelse']
		}
	],
	[
		'laereplads',
		'Elev som industritekniker',
		null,
		'Læreplads i vores maskinværksted med CNC-fræsning og drejning.',
		['vaerk'],
		{
			hoursPerWeek: 37,
			pay: 'paid',
			education: 'Industritekniker',
			specialisation: 'Maskin',
			hourlyPayOre: 8500,
			fields: ['teknik'],
			levels: ['erhvervsuddannelse']
		}
	],
	[
		'laereplads',
		'Elev i detailhandel',
		'Retail apprentice',
		'Elevplads i butik med fokus på kundeservice, vareeksponering og salg.',
		['super'],
		{
			hoursPerWeek: 37,
			pay: 'paid',
			education: 'Detailhandelsuddannelse',
			specialisation: 'Salgsassistent',
			hourlyPayOre: 8000,
			fields: ['handel'],
			levels: ['erhvervsuddannelse']
		}
	],
	[
		'laereplads',
		'Elev som social- og sundhedsassistent',
		null,
		'Elevplads i praktikperioder på hospital og i kommunen.',
		['hospital', 'kommune'],
		{
			hoursPerWeek: 37,
			pay: 'paid',
			education: 'Social- og sundhedsassistent',
			hourlyPayOre: 9500,
			fields: ['sundhed'],
			levels: ['erhvervsuddannelse']
		}
	],
	[
		'trainee',
		'Graduate i grøn energi',
		'Graduate programme in green energy',
		'To års graduateforløb med rotation mellem projekter i vind og sol. For nyuddannede ingeniører.',
		['energi'],
		{
			hoursPerWeek: 37,
			pay: 'paid',
			hourlyPayOre: 23000,
			englishFriendly: true,
			fields: ['teknik', 'naturvidenskab'],
			levels: ['faerdiguddannet']
		}
	],
	[
		'trainee',
		'Trainee i økonomi',
		null,
		'Et år som trainee i økonomiafdelingen med budget, regnskab og analyser.',
		['kommune'],
		{ hoursPerWeek: 37, pay: 'paid', fields: ['oekonomi'], levels: ['faerdiguddannet'] }
	]
];

const places = [
	['Boulevarden', '9000', 'Aalborg', 57.047, 9.919],
	['Eksempelvej', '9220', 'Aalborg Øst', 57.032, 10.003],
	['Havnegade', '9400', 'Nørresundby', 57.065, 9.924],
	['Industrivej', '9230', 'Svenstrup J', 56.972, 9.851],
	['Hovedgaden', '9310', 'Vodskov', 57.105, 10.025]
];

// The fields and levels a kind of posting suits when its template names none.
const suits = {
	fritidsjob: { fields: ['handel'], levels: ['udskoling', 'ungdomsuddannelse'] },
	studiejob: { fields: [], levels: ['videregaaende'] },
	'frivilligt-arbejde': { fields: ['kultur'], levels: ['ungdomsuddannelse', 'videregaaende'] },
	praktikplads: { fields: [], levels: ['videregaaende'] },
	laereplads: { fields: ['teknik'], levels: ['erhvervsuddannelse'] },
	trainee: { fields: [], levels: ['faerdiguddannet'] }
};

// What each kind of posting offers, as a list under the description: a posting's full text,
// as employers write it (Markdown: the site shows it as HTML and gives it to job search engines).
const offered = {
	fritidsjob: {
		da: ['Oplæring af en erfaren kollega', 'Faste vagter, der passer med skolen', 'Løn hver måned'],
		en: ['Training by an experienced colleague', 'Regular shifts that fit school', 'Paid monthly']
	},
	studiejob: {
		da: ['Timer, der kan lægges om eksamen', 'Opgaver tæt på dit studie', 'Gode kolleger'],
		en: ['Hours that move around exams', 'Work close to your studies', 'Good colleagues']
	},
	'frivilligt-arbejde': {
		da: [
			'Et fællesskab med andre frivillige',
			'Et kursus, når du starter',
			'En udtalelse, når du stopper'
		],
		en: ['A community of volunteers', 'A course when you start', 'A reference when you leave']
	},
	praktikplads: {
		da: ['En fast vejleder', 'Egne opgaver med ansvar', 'Et indblik i en rigtig arbejdsplads'],
		en: ['A supervisor of your own', 'Tasks of your own', 'A look inside a real workplace']
	},
	laereplads: {
		da: [
			'En uddannelsesaftale for hele uddannelsen',
			'Elevløn efter overenskomst',
			'En fast mester'
		],
		en: [
			'A training agreement for the whole programme',
			'Apprentice pay under the agreement',
			'A mentor of your own'
		]
	},
	trainee: {
		da: [
			'Et forløb med plan og mentor',
			'Projekter på tværs af afdelinger',
			'Fastansættelse som mål'
		],
		en: [
			'A planned programme with a mentor',
			'Projects across departments',
			'A permanent job as the goal'
		]
	}
};
// An English lead for each kind; the Danish lead is the posting's own sentence.
const leadEn = {
	fritidsjob: 'A leisure-time job after school.',
	studiejob: 'A student job alongside your studies.',
	'frivilligt-arbejde': 'Volunteer work in your free time.',
	praktikplads: 'An internship as part of your programme.',
	laereplads: 'An apprenticeship: you learn the trade at work and at college.',
	trainee: 'A graduate programme for the newly qualified.'
};
const fullText = (lead, list, apply, demo) =>
	`${lead}\n\n**${list.heading}**\n\n${list.items.map((i) => `- ${i}`).join('\n')}\n\n${apply}\n\n*${demo}*`;

const postings = [];
let n = 0;
for (const [type, titleDa, titleEn, descDa, orgKeys, extra] of templates) {
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
const partnerships = [
	[
		'it',
		['Eksempel Professionshøjskole (demo)'],
		['case-undervisning', 'projekt'],
		'Virkelige opgaver i webudvikling',
		'Real tasks in web development',
		'Studerende på datamatikeruddannelsen løser et semesterprojekt for virksomheden med virksomhedens egne data og vejledere.',
		['Datamatiker']
	],
	[
		'vaerk',
		['Erhvervsskolen Eksempel (demo)'],
		['virksomhedsbesoeg', 'gaesteundervisning'],
		'Fra værksted til fabrik',
		null,
		'Elever på grundforløbet besøger fabrikken to gange om året, og fabrikkens smede underviser på skolen.',
		['Smed', 'Industritekniker']
	],
	[
		'energi',
		['Eksempelgymnasiet (demo)', 'Eksempel Professionshøjskole (demo)'],
		['case-undervisning'],
		'Grøn omstilling i undervisningen',
		'The green transition in class',
		'Gymnasieklasser og studerende arbejder med cases om vind og sol, og ingeniører fra virksomheden holder oplæg.',
		['Stx', 'Energiteknolog']
	],
	[
		'hospital',
		['Eksempel Professionshøjskole (demo)'],
		['projekt', 'gaesteundervisning'],
		'Sygepleje tæt på klinikken',
		null,
		'Kliniske vejledere underviser på sygeplejerskeuddannelsen, og studerende laver udviklingsprojekter på afdelingerne.',
		['Sygeplejerske']
	],
	[
		'kommune',
		['Eksempelgymnasiet (demo)'],
		['virksomhedsbesoeg'],
		'Demokrati på rådhuset',
		null,
		'Klasser besøger rådhuset og møder politikere og medarbejdere i forvaltningen.',
		['Stx', 'Hf']
	],
	[
		'super',
		['Erhvervsskolen Eksempel (demo)'],
		['case-undervisning'],
		'Butikken som klasseværelse',
		null,
		'Elever på detailhandelsuddannelsen arbejder med rigtige kampagner i butikken.',
		['Detailhandelsuddannelse']
	]
].map(([organization, partners, kinds, da, en, description, programmes]) => ({
	organization,
	partners,
	kinds,
	title: { da: `${da} (demo)`, ...(en ? { en: `${en} (demo)` } : {}) },
	description: { da: `${description} (Opdigtet demodata.)` },
	programmes,
	contactName: 'Kontaktperson (demo)'
}));

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

import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/index.ts';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { createOrganization } from '../directory/index.ts';
import { loadStrategyFile } from '../strategy/index.ts';
import { invitedUser, testAuth } from '../accounts/testing.ts';
import { mailOutbox, outboxMailer } from '../mail/index.ts';
import { linkIdsBySlug } from '../links.ts';
import { reminderDue, sendRoundReminders } from './reminders.ts';
import {
	closeRound,
	exportInitiatives,
	followUpView,
	formatImportProblems,
	importInitiatives,
	initiativeCards,
	initiativePage,
	openRound,
	organizationsByNameOrSlug,
	reviewUpdate,
	roundStatus,
	saveInitiative,
	submitUpdate,
	updatePage
} from './index.ts';

const HEADER =
	'id;titel;titel_en;handlinger;indikatorer;ansvarlig;partnere;start;slut;status;fremdrift;beskrivelse';
const windows1252 = (text: string) =>
	Uint8Array.from(
		[...text].map((c) => (c === 'ø' ? 0xf8 : c === 'æ' ? 0xe6 : c === 'å' ? 0xe5 : c.charCodeAt(0)))
	);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe.each(testEngines())('follow-up on $name', (engine) => {
	let database: Database;
	let school: string;
	let club: string;
	const editor: Actor = { id: 'e', email: 'r@aalborg.dk', role: 'editor', organizationIds: [] };
	let partner: Actor;
	let otherPartner: Actor;

	beforeEach(async () => {
		database = await engine.open();
		const loaded = await loadStrategyFile(
			database.db,
			resolve('strategies/aalborg-2023-2026.yaml'),
			{
				actor: 't',
				activate: true
			}
		);
		expect(loaded.ok).toBe(true);
		school = (
			await createOrganization(database.db, 't', { name: 'Aalborg Katedralskole', kind: 'school' })
		).id;
		club = (
			await createOrganization(database.db, 't', { name: 'Vejgaard Boldklub', kind: 'association' })
		).id;
		partner = { id: 'p', email: 'p@aks.dk', role: 'partner', organizationIds: [school] };
		otherPartner = { id: 'q', email: 'q@vb.dk', role: 'partner', organizationIds: [club] };
	});
	afterEach(async () => database.close());

	it('imports a Danish Excel CSV (Windows-1252, semicolons, dd-mm-åååå, %) and updates by id', async () => {
		const file = windows1252(
			`${HEADER}\r\nI-1;Lektiecafé på skolen;Homework café;1.1,2.1;frafald;Aalborg Katedralskole;Vejgaard Boldklub;01-08-2025;30-06-2026;i-gang;40 %;Hjælp til lektier to gange om ugen\r\n` +
				`I-2;Brobygning til foreninger;;2.2;;aalborg-katedralskole;;2025-09-01;;planlagt;;\r\n`
		);
		const first = await importInitiatives(database.db, editor, file);
		expect(first).toEqual({ ok: true, created: 2, updated: 0, organisationsCreated: [] });
		const { cards } = await initiativeCards(database.db, 'da');
		const cafe = cards.find((c) => c.title.text === 'Lektiecafé på skolen')!;
		expect(cafe).toMatchObject({ actionCodes: ['1.1', '2.1'], lifecycle: 'i-gang', progress: 40 });
		expect(cards.find((c) => c.slug === 'brobygning-til-foreninger')?.owner.name).toBe(
			'Aalborg Katedralskole'
		);

		const again = await importInitiatives(
			database.db,
			editor,
			utf8(
				`${HEADER}\nI-1;Lektiecafé på skolen;;1.1;frafald;Aalborg Katedralskole;;01-08-2025;;afsluttet;100%;Færdig\n`
			)
		);
		expect(again).toMatchObject({ ok: true, created: 0, updated: 1 });
		const page = await initiativePage(database.db, 'da', cafe.slug);
		expect(page?.card).toMatchObject({
			lifecycle: 'afsluttet',
			progress: 100,
			actionCodes: ['1.1']
		});
		expect(page?.endDate).toBeNull();
		expect(page?.partners).toEqual([]);
	});

	it('finds organisations and links by name or address; a name with a NUL byte names nothing', async () => {
		const found = await organizationsByNameOrSlug(database.db, [
			'aalborg katedralskole',
			'vejgaard-boldklub',
			'\u0000\u0001\u001b[31m'
		]);
		expect([...new Set(found.values())].sort()).toEqual([school, club].sort());
		expect(await organizationsByNameOrSlug(database.db, ['\u0000'])).toEqual(new Map());
		expect(
			await linkIdsBySlug(database.db, 'offers', ['https://x.dk/tilbud/a\u0000', '/'])
		).toEqual({ ids: [], unknown: ['https://x.dk/tilbud/a\u0000', '/'] });
	});

	it('never gives an initiative the slug of the new-initiative form', async () => {
		const made = await saveInitiative(database.db, editor, {
			title: { da: 'Ny' },
			description: { da: 'En indsats der hedder Ny.' },
			actionCodes: ['1.1'],
			indicatorCodes: [],
			ownerId: school,
			partnerIds: [],
			lifecycle: 'planlagt',
			progress: 0,
			milestones: [],
			offerIds: [],
			opportunityIds: [],
			partnershipIds: [],
			isDemo: false
		});
		expect(made.slug).toBe('ny-2');
	});

	it('lists every problem by row and column in Danish, and changes nothing', async () => {
		const file = utf8(
			`${HEADER}\n` +
				`A;Første;;9.9;frafald;Aalborg Katedralskole;;31-02-2026;;i gang;;\n` +
				`B;;;1.1;ukendt;Ukendt Forening;;;;lukket;120;\n` +
				`A;Tredje;;1.2;;Aalborg Katedralskole;;;;;;\n`
		);
		const outcome = await importInitiatives(database.db, editor, file, { language: 'da' });
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		const text = formatImportProblems(outcome.problems, 'da');
		expect(text).toContain('række 2, kolonne "start": "31-02-2026" er ikke en dato');
		expect(text).toContain('række 3, kolonne "status": "lukket" er ikke en status');
		expect(text).toContain('række 3, kolonne "fremdrift": "120" er ikke et tal fra 0 til 100');
		expect(text).toContain('række 4, kolonne "id": samme id som række 2');
		expect(text).toContain(
			'række 3, kolonne "ansvarlig": ingen organisation hedder "Ukendt Forening"'
		);
		expect((await initiativeCards(database.db, 'da')).cards).toEqual([]);

		// With the file's own problems fixed, the strategy's codes are checked next.
		const codes = await importInitiatives(
			database.db,
			editor,
			utf8(
				`${HEADER}\nA;Første;;9.9;ukendt;Aalborg Katedralskole;;;;;;\nB;Anden;;1.1;;Ny Forening;;;;;;\n`
			),
			{ language: 'da', createOrganisations: true }
		);
		expect(codes.ok).toBe(false);
		if (codes.ok) return;
		expect(formatImportProblems(codes.problems, 'da')).toBe(
			'række 2, kolonne "handlinger": strategien har ingen handling 9.9\nrække 2, kolonne "indikatorer": strategien har ingen indikator ukendt'
		);
		// The organisation the rolled-back import would have created is not there either.
		const again = await importInitiatives(
			database.db,
			editor,
			utf8(`${HEADER}\nB;Anden;;1.1;;Ny Forening;;;;;;\n`)
		);
		expect(again.ok).toBe(false);
	});

	it('refuses an unknown column and a missing one, and a partner may not import', async () => {
		const outcome = await importInitiatives(
			database.db,
			editor,
			utf8('id;titel;farve\nA;B;rød\n'),
			{
				language: 'en'
			}
		);
		expect(outcome.ok).toBe(false);
		if (!outcome.ok)
			expect(formatImportProblems(outcome.problems, 'en')).toMatch(
				/column "farve": unknown column[^\n]*\ncolumn "handlinger": the column is missing\ncolumn "ansvarlig": the column is missing/
			);
		await expect(importInitiatives(database.db, partner, utf8(HEADER))).rejects.toThrow(
			/Not allowed/
		);
	});

	it('exports the import’s columns in CSV, XLSX and JSON, and the CSV imports back unchanged', async () => {
		const imported = await importInitiatives(
			database.db,
			editor,
			utf8(
				`${HEADER}\nI-1;Lektiecafé;Homework café;1.1;frafald;Aalborg Katedralskole;Vejgaard Boldklub;01-08-2025;;i-gang;40;"Hjælp; også om fredagen"\n`
			)
		);
		expect(imported, JSON.stringify(imported)).toMatchObject({ ok: true, created: 1 });
		const bytes = await exportInitiatives(database.db, 'csv');
		// A byte order mark, so that Danish Excel opens the UTF-8 file with æ, ø and å intact.
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const csv = new TextDecoder().decode(bytes);
		expect(csv.split('\r\n')[0]).toBe(HEADER);
		expect(csv).toContain(
			'I-1;Lektiecafé;Homework café;1.1;frafald;Aalborg Katedralskole;Vejgaard Boldklub;2025-08-01;;i-gang;40;"Hjælp; også om fredagen"'
		);
		const back = await importInitiatives(database.db, editor, utf8(csv));
		expect(back).toMatchObject({ ok: true, created: 0, updated: 1 });
		const json = JSON.parse(new TextDecoder().decode(await exportInitiatives(database.db, 'json')));
		expect(json.items[0]).toMatchObject({ id: 'I-1', handlinger: '1.1', fremdrift: '40' });
		const xlsx = await exportInitiatives(database.db, 'xlsx');
		expect(await importInitiatives(database.db, editor, xlsx)).toMatchObject({
			ok: true,
			updated: 1
		});
	});

	it('runs a round: partner reports, editor returns, partner fixes, editor approves; the public sees only approved text', async () => {
		const mine = await saveInitiative(database.db, editor, {
			title: { da: 'Lektiecafé' },
			description: { da: 'Hjælp til lektier.' },
			actionCodes: ['1.1'],
			indicatorCodes: ['frafald'],
			ownerId: school,
			lifecycle: 'i-gang',
			budgetOre: 100_000_00,
			milestones: [
				{ title: 'Lokale fundet', dueDate: '2025-09-01', doneDate: '2025-08-20' },
				{ title: 'Frivillige rekrutteret', dueDate: '2026-01-01' }
			]
		});
		await saveInitiative(database.db, editor, {
			title: { da: 'Fodbold efter skole' },
			description: { da: 'Træning for unge.' },
			actionCodes: ['1.1', '2.1'],
			ownerId: club,
			lifecycle: 'planlagt'
		});
		const round = await openRound(database.db, editor, {
			name: 'Status til rådsmødet 12. marts 2026',
			deadline: '2026-03-01'
		});
		expect(round.initiativeIds).toHaveLength(2);

		const update = {
			health: 'yellow',
			progress: 50,
			done: 'Caféen er åbnet. UDKAST',
			next: 'Flere frivillige.',
			remedy: 'Vi spørger gymnasiet.'
		} as const;
		await expect(
			submitUpdate(database.db, otherPartner, round.id, mine.id, { ...update, health: 'green' })
		).rejects.toThrow(/Not allowed/);
		// Yellow and red ask what is being done about it.
		await expect(
			submitUpdate(database.db, partner, round.id, mine.id, { ...update, remedy: undefined })
		).rejects.toThrow(/what is being done/);
		const first = await submitUpdate(database.db, partner, round.id, mine.id, update);
		// Another organisation's partner cannot open the update, nor see the initiative in the round.
		expect(await updatePage(database.db, otherPartner, round.id, mine.slug)).toBeUndefined();
		expect((await updatePage(database.db, partner, round.id, mine.slug))?.mayWrite).toBe(true);
		expect((await updatePage(database.db, editor, round.id, mine.slug))?.mayReview).toBe(true);
		const visible = await roundStatus(database.db, partner, round.id);
		expect(visible?.rows.map((r) => r.title.da)).toEqual(['Lektiecafé']);
		expect((await roundStatus(database.db, editor, round.id))?.rows).toHaveLength(2);

		await reviewUpdate(database.db, editor, first.id, {
			decision: 'return',
			comment: 'Skriv hvor mange elever der kommer.'
		});
		await expect(
			reviewUpdate(database.db, editor, first.id, { decision: 'approve' })
		).rejects.toThrow(/newest submitted/);
		expect((await initiativePage(database.db, 'da', mine.slug))?.timeline).toEqual([]);

		const second = await submitUpdate(database.db, partner, round.id, mine.id, {
			...update,
			done: 'Caféen er åbnet; 25 elever kommer hver uge.'
		});
		expect(second.version).toBe(2);
		await reviewUpdate(database.db, partner as Actor, second.id, { decision: 'approve' }).catch(
			(e: Error) => expect(e.message).toMatch(/Not allowed/)
		);
		await reviewUpdate(database.db, editor, second.id, { decision: 'approve' });
		await expect(
			submitUpdate(database.db, partner, round.id, mine.id, {
				health: 'green',
				progress: 60,
				done: 'a',
				next: 'b'
			})
		).rejects.toThrow(/approved and locked/);

		const page = await initiativePage(database.db, 'da', mine.slug);
		expect(page?.timeline.map((u) => u.done)).toEqual([
			'Caféen er åbnet; 25 elever kommer hver uge.'
		]);
		// Milestones decide progress: one of two done.
		expect(page?.card).toMatchObject({ health: 'yellow', progress: 50 });

		const live = await followUpView(database.db, 'da');
		const action = live!.guideposts[0]!.actions[0]!;
		expect(action.code).toBe('1.1');
		expect(action.rollup).toMatchObject({
			initiatives: 2,
			health: { green: 0, yellow: 1, red: 0, none: 1 },
			weightedBy: 'count',
			progress: 25
		});
		expect(action.indicators.map((i) => i.code)).toEqual(['frafald']);
		expect(JSON.stringify(live)).not.toContain('UDKAST');

		await closeRound(database.db, editor, round.id, new Date('2026-03-02T12:00:00Z'));
		await expect(
			submitUpdate(
				database.db,
				otherPartner,
				round.id,
				round.initiativeIds.find((i) => i !== mine.id)!,
				{
					health: 'green',
					progress: 5,
					done: 'a',
					next: 'b'
				}
			)
		).rejects.toThrow(/closed/);
		// A later change does not move the round's snapshot.
		await saveInitiative(
			database.db,
			editor,
			{
				title: { da: 'Lektiecafé' },
				description: { da: 'Hjælp til lektier.' },
				actionCodes: ['1.1'],
				ownerId: school,
				lifecycle: 'stoppet'
			},
			mine.id
		);
		const frozen = await followUpView(database.db, 'da', round.id);
		expect(frozen?.round?.name).toBe('Status til rådsmødet 12. marts 2026');
		expect(frozen!.guideposts[0]!.actions[0]!.rollup.lifecycle).toMatchObject({
			'i-gang': 1,
			planlagt: 1,
			stoppet: 0
		});
		const now = await followUpView(database.db, 'da');
		expect(now!.guideposts[0]!.actions[0]!.rollup.lifecycle).toMatchObject({ stoppet: 1 });
	});

	it('reminds the owner’s members when a round opens, a week and a day before the deadline, until they report', async () => {
		await invitedUser(database.db, await testAuth(database.db), 'laerer@aks.dk', 'partner', school);
		const mine = await saveInitiative(database.db, editor, {
			title: { da: 'Lektiecafé' },
			description: { da: 'Hjælp til lektier.' },
			actionCodes: ['1.1'],
			ownerId: school,
			lifecycle: 'i-gang'
		});
		await saveInitiative(database.db, editor, {
			title: { da: 'Fodbold' },
			description: { da: 'Træning.' },
			actionCodes: ['2.1'],
			ownerId: club,
			lifecycle: 'i-gang'
		});
		const day = (iso: string) => new Date(`${iso}T08:00:00Z`);
		const round = await openRound(database.db, editor, { name: 'Forår', deadline: '2026-03-20' });
		const send = (iso: string) =>
			sendRoundReminders(database.db, outboxMailer, 'https://udd.example', day(iso));
		// The invitation is in the outbox too; only the reminders count here.
		const mails = async () =>
			(await database.db.select().from(mailOutbox).orderBy(mailOutbox.id)).filter(
				(m) => !m.subject.startsWith('Du er inviteret')
			);

		// The club has no members: nobody can be told, and that is counted.
		expect(await send('2026-03-01')).toEqual({ reminded: 1, withoutAddress: 1 });
		expect(await send('2026-03-02')).toEqual({ reminded: 0, withoutAddress: 0 });
		const [first] = (await mails()).filter((m) => m.recipient === 'laerer@aks.dk');
		expect(first!.subject).toBe('Skriv status for Lektiecafé / Please write an update');
		expect(first!.body).toContain(`https://udd.example/admin/runder/${round.id}/${mine.slug}`);
		expect((await send('2026-03-13')).reminded).toBe(1);
		expect((await send('2026-03-14')).reminded).toBe(0);

		await submitUpdate(database.db, partner, round.id, mine.id, {
			health: 'green',
			progress: 20,
			done: 'Startet.',
			next: 'Flere elever.'
		});
		expect((await send('2026-03-19')).reminded).toBe(0);
		expect((await mails()).filter((m) => m.recipient === 'laerer@aks.dk')).toHaveLength(2);
		expect(await send('2026-03-21')).toEqual({ reminded: 0, withoutAddress: 0 });
	});
});

describe('when a reminder is due', () => {
	it('sends only the latest one due, and none after the deadline', () => {
		expect(reminderDue('2026-03-20', '2026-03-01')).toBe('opened');
		expect(reminderDue('2026-03-20', '2026-03-13')).toBe('7-days');
		expect(reminderDue('2026-03-20', '2026-03-19')).toBe('1-day');
		expect(reminderDue('2026-03-20', '2026-03-20')).toBe('1-day');
		expect(reminderDue('2026-03-20', '2026-03-21')).toBeUndefined();
	});
});

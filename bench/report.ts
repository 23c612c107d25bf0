// Council report speed: 200 synthetic initiatives (9 in 10 with an approved update) over the
// strategy's actions and 7 indicators with demo data, in one closed round; builds the report
// (data, Word file and PDF) three times on in-memory PGlite, and on PostgreSQL when
// TEST_DATABASE_URL is set. Issue 15's goal: under 5 s. Prints figures; asserts nothing.
import { seedOnFirstStart } from '../src/lib/server/bootstrap.ts';
import type { Actor } from '../src/lib/server/accounts/index.ts';
import { testEngines } from '../src/lib/server/db/testing.ts';
import { createOrganization } from '../src/lib/server/directory/index.ts';
import {
	buildReport,
	closeRound,
	openRound,
	reviewUpdate,
	saveInitiative,
	submitUpdate
} from '../src/lib/server/followup/index.ts';
import { getStrategyDefinition } from '../src/lib/server/strategy/index.ts';

const INITIATIVES = Number(process.env.BENCH_INITIATIVES ?? 200);
const editor: Actor = { id: 'bench', email: 'bench', role: 'editor', organizationIds: [] };

for (const engine of testEngines()) {
	const database = await engine.open();
	const db = database.db;
	await seedOnFirstStart(database);
	const strategy = (await getStrategyDefinition(db))!;
	const actions = strategy.guideposts.flatMap((g) => g.actions.map((a) => a.code));
	const indicators = strategy.guideposts.flatMap((g) => g.indicators.map((i) => i.code));
	const owners = [];
	for (let o = 0; o < 20; o++)
		owners.push(
			(await createOrganization(db, 'bench', { name: `Bench organisation ${o}`, kind: 'other' })).id
		);
	const ids: string[] = [];
	for (let n = 0; n < INITIATIVES; n++) {
		const saved = await saveInitiative(db, editor, {
			title: { da: `Indsats nummer ${n} om uddannelse og trivsel` },
			description: { da: 'En indsats til at måle, hvor hurtigt rapporten bygges.' },
			actionCodes: [actions[n % actions.length]!],
			indicatorCodes: [indicators[n % indicators.length]!],
			ownerId: owners[n % owners.length]!,
			lifecycle: 'i-gang',
			...(n % 3 === 0 ? {} : { budgetOre: 100_000_00 + n }),
			milestones: [
				{ title: 'Start', dueDate: '2026-01-01', doneDate: '2026-01-02' },
				{ title: 'Slut' }
			]
		});
		ids.push(saved.id);
	}
	const round = await openRound(db, editor, { name: 'Bench-runde', deadline: '2026-12-31' });
	for (const [n, id] of ids.entries()) {
		if (n % 10 === 9) continue;
		const health = (['green', 'yellow', 'red'] as const)[n % 3]!;
		const update = await submitUpdate(db, editor, round.id, id, {
			health,
			progress: (n * 7) % 100,
			done: 'Vi har holdt tre møder med skolerne og lavet en plan for foråret.',
			next: 'Planen skal prøves af på to skoler.',
			...(health === 'green' ? {} : { remedy: 'Vi har fået hjælp fra forvaltningen.' })
		});
		await reviewUpdate(db, editor, update.id, { decision: 'approve' });
	}
	await closeRound(db, editor, round.id);
	const times: number[] = [];
	let sizes = { docx: 0, pdf: 0 };
	for (let run = 0; run < 3; run++) {
		const start = performance.now();
		const report = await buildReport(db, editor, round.id);
		times.push(performance.now() - start);
		sizes = { docx: report.docx.length, pdf: report.pdf.length };
	}
	console.log(
		`Council report, ${INITIATIVES} initiatives and ${indicators.length} indicators on ${engine.name}: ` +
			`build ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')} ` +
			`(Word ${Math.round(sizes.docx / 1024)} KB, PDF ${Math.round(sizes.pdf / 1024)} KB)`
	);
	await database.close();
}

// Seeds a database for the test servers of one engine to start from (scripts/e2e.js): the
// migrations and the demo data, as a first start makes them. Seeding is most of a test
// server's start; done once per engine, each server starts from a copy (tests/e2e/serve.js).
//   node tests/e2e/seed.js pglite <data directory>
//   node tests/e2e/seed.js postgres <database URL>
import { tsImport } from 'tsx/esm/api';

const [engine, target] = process.argv.slice(2);
if (!target || (engine !== 'pglite' && engine !== 'postgres'))
	throw new Error('usage: node tests/e2e/seed.js pglite|postgres <data directory or URL>');
const { openAndMigrate, seedOnFirstStart } = await tsImport(
	'../../src/lib/server/bootstrap.ts',
	import.meta.url
);
const database = await openAndMigrate(
	engine === 'postgres' ? { kind: 'postgres', url: target } : { kind: 'pglite', dataDir: target },
	'the end-to-end seed'
);
try {
	await seedOnFirstStart(database);
} finally {
	await database.close();
}

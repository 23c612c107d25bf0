// The embedded database's own thread. PGlite runs PostgreSQL compiled to WebAssembly, and every
// statement runs to its end on the thread that called it: on the server's thread a statement
// of a million-row import held every request, /healthz included, for seconds (issue 21). Here it
// holds only this thread. The server talks to it as to any PostgreSQL server, through
// pglite-socket on a Unix socket in a directory only this user can open; the one PGlite session
// serves one connection at a time, so the server's pool has one connection.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** @type {{ dataDir: string, socketPath: string }} */
const { dataDir, socketPath } = workerData;
if (!parentPort) throw new Error('pglite-worker.js runs only as a worker thread');
const port = parentPort;

/** @type {PGlite | undefined} */
let db;
/** @type {PGLiteSocketServer | undefined} */
let server;
/**
 * What PostgreSQL wrote to its log while starting (the last lines): PGlite's own error says
 * only that it "failed to initialize properly", the log says why.
 * @type {string[]}
 */
const startLog = [];
let started = false;
try {
	// pg_trgm: typo-tolerant search (the same extension as on PostgreSQL).
	db = new PGlite(dataDir, {
		extensions: { pg_trgm },
		onStderr: (text) => {
			if (!started && startLog.push(text) > 20) startLog.shift();
			return false;
		}
	});
	await db.waitReady;
	started = true;
	server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
	await server.start();
	port.postMessage({ ready: true });
} catch (error) {
	const why = startLog
		.filter((line) => /\b(PANIC|FATAL|ERROR|DETAIL|HINT):/.test(line))
		.map((line) => line.replace(/^.*?\b(PANIC|FATAL|ERROR|DETAIL|HINT):\s*/, '$1: '));
	port.postMessage({
		failed: [/** @type {Error} */ (error).message, ...why].join(' ')
	});
	await db?.close().catch(() => undefined);
	process.exit(1);
}

port.on('message', async (/** @type {{ close?: boolean }} */ message) => {
	if (!message.close) return;
	// Stop taking connections, then close PGlite so it writes everything to the data directory.
	try {
		await server?.stop();
	} finally {
		await db?.close();
		port.postMessage({ closed: true });
		port.close();
	}
});

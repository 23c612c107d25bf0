import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, fetchLimited } from './index.ts';

/** A local stand-in server whose paths misbehave in the ways a remote server can. */
let server: Server;
let base: string;
beforeAll(async () => {
	server = createServer((req, res) => {
		const path = req.url ?? '/';
		if (path === '/ok') {
			let body = '';
			req.on('data', (c: Buffer) => (body += c.toString()));
			req.on('end', () => {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ method: req.method, body }));
			});
			return;
		}
		if (path === '/busy') {
			res.writeHead(429, { 'retry-after': '120' });
			return res.end('slow down');
		}
		if (path === '/slow') {
			const timer = setTimeout(() => res.end('late'), 5000);
			res.on('close', () => clearTimeout(timer));
			return;
		}
		if (path === '/declared-big') {
			res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
			return res.end();
		}
		if (path === '/streamed-big') {
			res.writeHead(200, { 'content-type': 'text/plain' });
			const chunk = Buffer.alloc(64 * 1024, 'x');
			let sent = 0;
			const pump = () => {
				while (sent < 200 && res.write(chunk)) sent++;
				if (sent < 200) res.once('drain', pump);
				else res.end();
			};
			return pump();
		}
		if (path === '/to-ok') {
			res.writeHead(302, { location: '/ok' });
			return res.end();
		}
		if (path === '/to-loopback') {
			const port = (server.address() as AddressInfo).port;
			res.writeHead(302, { location: `http://127.0.0.2:${port}/ok` });
			return res.end();
		}
		if (path === '/loop') {
			res.writeHead(302, { location: '/loop' });
			return res.end();
		}
		res.writeHead(404);
		res.end('not here');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<FetchError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(FetchError);
	return error as FetchError;
}

describe('fetching from another server', () => {
	it('posts a body and reads the answer, following a redirect', async () => {
		const answer = await fetchLimited(`${base}/ok`, {
			method: 'POST',
			body: '{"table":"X"}',
			headers: { 'content-type': 'application/json' },
			allowPrivate: true
		});
		expect(answer.status).toBe(200);
		expect(JSON.parse(new TextDecoder().decode(answer.body))).toEqual({
			method: 'POST',
			body: '{"table":"X"}'
		});
		const redirected = await fetchLimited(`${base}/to-ok`, { allowPrivate: true });
		expect(redirected.url).toBe(`${base}/ok`);
	});

	it('refuses plain http, and loopback addresses by number and by name', async () => {
		expect((await failure(fetchLimited(`${base}/ok`))).reason).toBe('protocol');
		const port = new URL(base).port;
		expect((await failure(fetchLimited(`https://127.0.0.1:${port}/ok`))).reason).toBe('address');
		expect((await failure(fetchLimited(`https://localhost:${port}/ok`))).reason).toBe('address');
		expect((await failure(fetchLimited(`https://[::1]:${port}/ok`))).reason).toBe('address');
		expect((await failure(fetchLimited(`https://169.254.169.254/latest`))).reason).toBe('address');
		expect((await failure(fetchLimited('file:///etc/passwd'))).reason).toBe('protocol');
	});

	it('checks the address a redirect leads to like the first one', async () => {
		const error = await failure(
			fetchLimited(`${base}/to-loopback`, { allowAddresses: ['127.0.0.1'] })
		);
		expect(error.reason).toBe('address');
		expect((await failure(fetchLimited(`${base}/loop`, { allowPrivate: true }))).reason).toBe(
			'redirects'
		);
	});

	it('gives up on a slow server, an oversized answer and a refusal, saying which', async () => {
		const slow = await failure(
			fetchLimited(`${base}/slow`, { allowPrivate: true, timeoutMs: 300 })
		);
		expect(slow.reason).toBe('timeout');
		const declared = await failure(fetchLimited(`${base}/declared-big`, { allowPrivate: true }));
		expect(declared.reason).toBe('too-large');
		const streamed = await failure(
			fetchLimited(`${base}/streamed-big`, { allowPrivate: true, maxBytes: 1024 * 1024 })
		);
		expect(streamed.reason).toBe('too-large');
		const busy = await failure(fetchLimited(`${base}/busy`, { allowPrivate: true }));
		expect(busy).toMatchObject({ reason: 'status', status: 429, retryAfter: '120' });
		const missing = await failure(fetchLimited(`${base}/missing`, { allowPrivate: true }));
		expect(missing).toMatchObject({ reason: 'status', status: 404 });
	});
});

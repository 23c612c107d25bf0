// A stand-in address service for tests: answers as the address register (DAWA `struktur=mini`)
// does for a few addresses, and misbehaves on request. Never used by the app itself.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The addresses the stand-in knows (lower case), as the register writes them. */
export const STUB_ADDRESSES: Record<string, { betegnelse: string; x: number; y: number }> = {
	'gammeltorv 2, 9000 aalborg': { betegnelse: 'Gammeltorv 2, 9000 Aalborg', x: 9.9216, y: 57.0487 },
	'lindholm brygge 35, 9400 nørresundby': {
		betegnelse: 'Lindholm Brygge 35, 9400 Nørresundby',
		x: 9.9082,
		y: 57.0597
	},
	// A Paris address: a match outside Denmark is not used.
	'rue de rivoli 1, paris': { betegnelse: 'Rue de Rivoli 1, Paris', x: 2.3522, y: 48.8566 }
};

export interface StubGeocoder {
	/** GEOCODER_URL for the stand-in. */
	url: string;
	/** The `q` of every request so far. */
	asked: string[];
	close(): Promise<void>;
}

/**
 * `q` = "fejl" answers 500, "langsom" answers after 5 s, "rod" answers text that is not JSON;
 * anything else is looked up in STUB_ADDRESSES (an empty list when unknown).
 */
export async function startStubGeocoder(): Promise<StubGeocoder> {
	const asked: string[] = [];
	const server = createServer((request, response) => {
		const q = new URL(request.url ?? '/', 'http://stub').searchParams.get('q') ?? '';
		asked.push(q);
		const send = (status: number, body: string) => {
			response.writeHead(status, { 'content-type': 'application/json' });
			response.end(body);
		};
		if (q === 'fejl') return send(500, '{"type":"InternalError"}');
		if (q === 'rod') return send(200, '<html>not json</html>');
		if (q === 'langsom') {
			const timer = setTimeout(() => send(200, '[]'), 5000);
			response.on('close', () => clearTimeout(timer));
			return;
		}
		const known = STUB_ADDRESSES[q.trim().toLowerCase().replace(/\s+/g, ' ')];
		send(200, JSON.stringify(known ? [{ id: 'stub', ...known }] : []));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/adresser?q={q}&struktur=mini&per_side=1`,
		asked,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

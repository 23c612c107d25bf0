// Addresses to coordinates, for "nearest first from my address", through the lookup service
// GEOCODER_URL names. The address a reader types is sent there and nowhere else: it is not
// logged, not stored in the database, and kept in this instance's memory for a day at most.
import { z } from 'zod';
import { logger } from '../log.ts';

export interface Located {
	/** The address as the service writes it, e.g. "Boulevarden 13, 9000 Aalborg". */
	label: string;
	latitude: number;
	longitude: number;
}

/** The service did not answer in time, answered with an error, or in a form not understood. */
export class GeocoderUnavailable extends Error {}

export interface Geocoder {
	/** The best match for an address, or null when the service knows none in Denmark. */
	locate(address: string): Promise<Located | null>;
}

const TIMEOUT_MS = 3000;
const MAX_BODY = 1 << 20;
const CACHE_SIZE = 2000;
const CACHE_MS = 24 * 3600_000;

/** Denmark with Bornholm and a margin: a match outside is some other place of the same name. */
const inDenmark = (latitude: number, longitude: number) =>
	latitude >= 54.4 && latitude <= 57.9 && longitude >= 7.9 && longitude <= 15.3;

const coordinate = z.number().finite();
/** The address register's list (DAWA `adresser?struktur=mini`): x is longitude, y latitude. */
const dawaList = z.array(
	z.object({ betegnelse: z.string().min(1), x: coordinate, y: coordinate }).loose()
);
/** GeoJSON points with a label under one of the names geocoders use. */
const geoJson = z
	.object({
		type: z.literal('FeatureCollection'),
		features: z.array(
			z
				.object({
					geometry: z.object({
						type: z.literal('Point'),
						coordinates: z.tuple([coordinate, coordinate]).rest(z.number())
					}),
					properties: z
						.object({
							label: z.string().optional(),
							display_name: z.string().optional(),
							betegnelse: z.string().optional(),
							name: z.string().optional(),
							street: z.string().optional(),
							housenumber: z.string().optional(),
							postcode: z.string().optional(),
							city: z.string().optional()
						})
						.loose()
						.nullable()
						.default(null)
				})
				.loose()
		)
	})
	.loose();

type GeoJsonProperties = z.infer<typeof geoJson>['features'][number]['properties'];

function labelOf(p: GeoJsonProperties, fallback: string): string {
	if (!p) return fallback;
	const street = [p.street, p.housenumber].filter(Boolean).join(' ');
	const town = [p.postcode, p.city].filter(Boolean).join(' ');
	return (
		p.label ??
		p.betegnelse ??
		p.display_name ??
		([street || p.name, town].filter(Boolean).join(', ') || fallback)
	);
}

/** The first match in Denmark from a service's answer; throws when the answer is not understood. */
export function readAnswer(body: unknown, asked: string): Located | null {
	const candidates: Located[] = [];
	const list = dawaList.safeParse(body);
	if (list.success)
		for (const a of list.data)
			candidates.push({ label: a.betegnelse, latitude: a.y, longitude: a.x });
	else {
		const collection = geoJson.safeParse(body);
		if (!collection.success)
			throw new GeocoderUnavailable(
				'the address service answered neither a DAWA list nor GeoJSON points'
			);
		for (const f of collection.data.features) {
			const [longitude, latitude] = f.geometry.coordinates;
			candidates.push({ label: labelOf(f.properties, asked), latitude, longitude });
		}
	}
	return candidates.find((c) => inDenmark(c.latitude, c.longitude)) ?? null;
}

/** The text as the cache knows it: trimmed, lower case, single spaces. */
const cacheKey = (address: string) => address.trim().toLowerCase().replace(/\s+/g, ' ');

export function createGeocoder(options: {
	url: string;
	/** Sent as the User-Agent (Nominatim's usage policy asks for one that names the site). */
	agent: string;
	fetch?: typeof fetch;
	now?: () => number;
	/** How long to wait for an answer (3 s). */
	timeoutMs?: number;
}): Geocoder {
	const get = options.fetch ?? fetch;
	const now = options.now ?? Date.now;
	const cache = new Map<string, { at: number; value: Located | null }>();
	return {
		async locate(address) {
			const key = cacheKey(address);
			const known = cache.get(key);
			if (known && now() - known.at < CACHE_MS) return known.value;
			const url = options.url.replaceAll('{q}', encodeURIComponent(address.trim()));
			let body: unknown;
			try {
				const response = await get(url, {
					headers: { accept: 'application/json', 'user-agent': options.agent },
					signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS)
				});
				if (!response.ok) throw new GeocoderUnavailable(`status ${response.status}`);
				const text = await response.text();
				if (text.length > MAX_BODY) throw new GeocoderUnavailable('the answer is too large');
				try {
					body = JSON.parse(text);
				} catch {
					// Not the parser's message: it quotes the answer, which may echo the address.
					throw new GeocoderUnavailable('the answer is not JSON');
				}
			} catch (error) {
				// The address itself is never logged.
				const reason = error instanceof Error ? error.message : String(error);
				logger.warn({ service: new URL(options.url).host, reason }, 'address lookup failed');
				throw error instanceof GeocoderUnavailable ? error : new GeocoderUnavailable(reason);
			}
			const value = readAnswer(body, address.trim());
			if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
			cache.set(key, { at: now(), value });
			return value;
		}
	};
}

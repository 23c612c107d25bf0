import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeocoder, GeocoderUnavailable, readAnswer } from './index.ts';
import { startStubGeocoder, type StubGeocoder } from './testing.ts';

describe('reading an address service answer', () => {
	it('reads the address register list: x is longitude, y latitude', () => {
		expect(
			readAnswer([{ betegnelse: 'Gammeltorv 2, 9000 Aalborg', x: 9.9216, y: 57.0487 }], 'q')
		).toEqual({ label: 'Gammeltorv 2, 9000 Aalborg', latitude: 57.0487, longitude: 9.9216 });
	});

	it('reads GeoJSON points with the label each geocoder uses', () => {
		const point = (properties: Record<string, string> | null) => ({
			type: 'FeatureCollection',
			features: [
				{ type: 'Feature', geometry: { type: 'Point', coordinates: [9.92, 57.05] }, properties }
			]
		});
		// Nominatim, Pelias and Photon.
		expect(readAnswer(point({ display_name: 'Gammeltorv 2, Aalborg, Danmark' }), 'q')?.label).toBe(
			'Gammeltorv 2, Aalborg, Danmark'
		);
		expect(readAnswer(point({ label: 'Gammeltorv 2, Aalborg' }), 'q')?.label).toBe(
			'Gammeltorv 2, Aalborg'
		);
		expect(
			readAnswer(
				point({ street: 'Gammeltorv', housenumber: '2', postcode: '9000', city: 'Aalborg' }),
				'q'
			)?.label
		).toBe('Gammeltorv 2, 9000 Aalborg');
		// Without a label the address as asked stands.
		expect(readAnswer(point(null), 'gammeltorv 2')).toEqual({
			label: 'gammeltorv 2',
			latitude: 57.05,
			longitude: 9.92
		});
	});

	it('skips matches outside Denmark and knows no address when none is left', () => {
		expect(
			readAnswer(
				[
					{ betegnelse: 'Rue de Rivoli 1, Paris', x: 2.35, y: 48.86 },
					{ betegnelse: 'Rivolivej 1, 9000 Aalborg', x: 9.9, y: 57.0 }
				],
				'q'
			)?.label
		).toBe('Rivolivej 1, 9000 Aalborg');
		expect(readAnswer([{ betegnelse: 'Rue de Rivoli 1, Paris', x: 2.35, y: 48.86 }], 'q')).toBe(
			null
		);
		expect(readAnswer([], 'q')).toBe(null);
		expect(readAnswer({ type: 'FeatureCollection', features: [] }, 'q')).toBe(null);
	});

	it('refuses an answer in neither form', () => {
		expect(() => readAnswer({ results: [] }, 'q')).toThrow(GeocoderUnavailable);
		expect(() => readAnswer([{ x: 'nine', y: 57 }], 'q')).toThrow(GeocoderUnavailable);
	});
});

describe('the address lookup over HTTP', () => {
	let stub: StubGeocoder;
	beforeAll(async () => {
		stub = await startStubGeocoder();
	});
	afterAll(async () => stub.close());

	const geocoder = () =>
		createGeocoder({ url: stub.url, agent: 'Uddannelsesby (test)', timeoutMs: 500 });

	it('finds an address, sends it encoded, and asks once for the same address', async () => {
		const lookup = geocoder();
		const before = stub.asked.length;
		const found = await lookup.locate('Lindholm Brygge 35, 9400 Nørresundby');
		expect(found).toEqual({
			label: 'Lindholm Brygge 35, 9400 Nørresundby',
			latitude: 57.0597,
			longitude: 9.9082
		});
		expect(stub.asked.slice(before)).toEqual(['Lindholm Brygge 35, 9400 Nørresundby']);
		// Case and spaces do not make a new request; an unknown address is remembered too.
		expect(await lookup.locate('  lindholm brygge 35,  9400 nørresundby ')).toEqual(found);
		expect(await lookup.locate('Ukendt Vej 99, 9999 Intetsted')).toBe(null);
		expect(await lookup.locate('ukendt vej 99, 9999 intetsted')).toBe(null);
		expect(stub.asked.length - before).toBe(2);
	});

	it('a match abroad is no match', async () => {
		expect(await geocoder().locate('Rue de Rivoli 1, Paris')).toBe(null);
	});

	it('an error, a non-JSON answer or no answer in time makes the lookup unavailable, and is not remembered', async () => {
		const lookup = geocoder();
		await expect(lookup.locate('fejl')).rejects.toThrow(GeocoderUnavailable);
		await expect(lookup.locate('rod')).rejects.toThrow(GeocoderUnavailable);
		const started = Date.now();
		await expect(lookup.locate('langsom')).rejects.toThrow(GeocoderUnavailable);
		expect(Date.now() - started).toBeLessThan(4000);
		const before = stub.asked.length;
		await expect(lookup.locate('fejl')).rejects.toThrow(GeocoderUnavailable);
		expect(stub.asked.length).toBe(before + 1);
	});

	it('a service that cannot be reached is unavailable', async () => {
		const lookup = createGeocoder({
			url: 'http://127.0.0.1:9/adresser?q={q}',
			agent: 'test',
			timeoutMs: 500
		});
		await expect(lookup.locate('Gammeltorv 2, 9000 Aalborg')).rejects.toThrow(GeocoderUnavailable);
	});
});

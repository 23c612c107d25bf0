import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { GeocoderUnavailable, type Located } from '../geocoding/index.ts';
import type { Db } from '../db/index.ts';
import {
	searchLoosening,
	searchVocabulary,
	type TextQuery,
	type Vocabulary
} from './vocabulary.ts';

/**
 * unknown-postcode: not a postcode of the municipality; postcode-only: an address, but no
 * address lookup is configured; address-not-found: the lookup knows no such address in
 * Denmark; lookup-unavailable: the lookup did not answer.
 */
export type NearProblem =
	'unknown-postcode' | 'postcode-only' | 'address-not-found' | 'lookup-unavailable';

export interface Point {
	latitude: number;
	longitude: number;
}

export interface Near {
	origin: Point | null;
	/**
	 * What distances are measured from, when it is known: a postcode and its name, or an
	 * address as the address lookup wrote it (postalCode null).
	 */
	near: { postalCode: string | null; name: string } | null;
	problem: NearProblem | null;
}

/** Looks an address up: its point and label, null when unknown; throws GeocoderUnavailable. */
export type Locate = (address: string) => Promise<Located | null>;

/** What every search's answer says of `near`. */
export interface NearAnswer {
	/**
	 * What distances were measured from, when it is known: a postcode and its name, or an
	 * address as the address lookup wrote it (postalCode null).
	 */
	near: { postalCode: string | null; name: string } | null;
	/** Why `near` was given but no distance measured. */
	nearProblem: NearProblem | null;
}

/** What every search may be given beside its query. */
export interface SearchContext {
	/** The address lookup, when one is configured; throws GeocoderUnavailable when it fails. */
	locate?: Locate;
	/** The content version: the vocabulary is then kept until it changes. */
	version?: string;
}

/** A Danish postcode in a query (`area`): four digits. */
export const postcodeParameter = z.string().regex(/^\d{4}$/, 'a postcode has four digits');

/** A query's `near`: a postcode, or an address when an address lookup is configured. */
export const nearParameter = z
	.string()
	.trim()
	.min(1, 'near is a postcode or an address')
	.max(120, 'near is a postcode or an address of at most 120 characters');

/** Whether a `near` is an address rather than a postcode (four digits). */
export function nearIsAddress(near: string | null | undefined): boolean {
	const text = near?.trim() ?? '';
	return text !== '' && !/^\d{4}$/.test(text);
}

/**
 * Where distances are measured from: a postcode's centre (from the vocabulary), or an address
 * through the lookup (every search alike).
 */
export async function resolveNear(
	near: string | undefined,
	vocabulary: Pick<Vocabulary, 'postalAreas'>,
	locate: Locate | undefined
): Promise<Near> {
	const none = (problem: NearProblem | null): Near => ({ origin: null, near: null, problem });
	if (near === undefined) return none(null);
	if (!nearIsAddress(near)) {
		const area = vocabulary.postalAreas.get(near);
		return area
			? {
					origin: { latitude: area.latitude, longitude: area.longitude },
					near: { postalCode: near, name: area.name },
					problem: null
				}
			: none('unknown-postcode');
	}
	if (!locate) return none('postcode-only');
	try {
		const found = await locate(near);
		return found
			? {
					origin: { latitude: found.latitude, longitude: found.longitude },
					near: { postalCode: null, name: found.label },
					problem: null
				}
			: none('address-not-found');
	} catch (error) {
		if (error instanceof GeocoderUnavailable) return none('lookup-unavailable');
		throw error;
	}
}

/** Kilometres per degree of latitude (the mean Earth radius, 6,371 km, times π/180). */
export const KM_PER_DEGREE = 111.195;

/**
 * The one distance of every search: an equirectangular approximation, good to metres within a
 * municipality. This is its square in degrees of latitude, plain arithmetic that is cheap for
 * every row, for filtering and ordering; `kmOf` turns it into kilometres for what is shown.
 */
export function squaredDegrees(origin: Point, latitude: SQL, longitude: SQL): SQL {
	const shrink = Math.cos((origin.latitude * Math.PI) / 180) ** 2;
	return sql`((${latitude} - ${origin.latitude}::float8) * (${latitude} - ${origin.latitude}::float8)
		+ (${longitude} - ${origin.longitude}::float8) * (${longitude} - ${origin.longitude}::float8) * ${shrink}::float8)`;
}

/** Kilometres from a squared distance in degrees (SQL). */
export const kmOf = (squared: SQL): SQL => sql`${KM_PER_DEGREE}::float8 * sqrt(${squared})`;

/** A radius in km as the squared degrees `squaredDegrees` compares with. */
export const squaredRadius = (km: number): number => (km / KM_PER_DEGREE) ** 2;

/** Kilometres to one decimal, as every search shows them. */
export const roundKm = (km: number | null): number | null =>
	km === null ? null : Math.round(km * 10) / 10;

/**
 * `searchLoosening` for a kind with a place: the reader's `near` (a postcode, or an address
 * `locate` looks up) is resolved once against the vocabulary's postcodes, and every try of the
 * words gets it with the vocabulary.
 */
export async function searchNear<T extends { total: number }>(
	db: Db,
	words: string[],
	where: { near?: string; locate?: Locate; version?: string },
	run: (text: TextQuery, found: { vocabulary: Vocabulary; near: Near }) => Promise<T>
): Promise<T> {
	const vocabulary = await searchVocabulary(db, where.version);
	const near = await resolveNear(where.near, vocabulary, where.locate);
	return searchLoosening(
		db,
		words,
		vocabulary,
		(text) => run(text, { vocabulary, near }),
		where.version
	);
}

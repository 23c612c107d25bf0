/**
 * A synthetic JSON-stat 2.0 dataset of an indicator by year, area, education and age group, as
 * the StatBank API shapes it: for the import benchmark and the million-row load test.
 */
export interface Cube {
	years: string[];
	geos: string[];
	educations: string[];
	ages: string[];
}

/** A cube of about `target` cells: 20 years × 100 areas × educations × 10 age groups. */
export function cubeOf(target: number): Cube {
	const years = Array.from({ length: 20 }, (_, i) => String(2005 + i));
	const geos = Array.from({ length: 100 }, (_, i) => String(101 + i * 7).padStart(3, '0'));
	const perGeoYear = Math.max(1, Math.round(target / (geos.length * years.length)));
	const educations = Array.from(
		{ length: Math.ceil(perGeoYear / 10) },
		(_, i) => `Uddannelse ${i + 1}`
	);
	const ages = Array.from({ length: 10 }, (_, i) => `${15 + i * 5}-${19 + i * 5} år`);
	return { years, geos, educations, ages };
}

/** The value of the n-th cell (from 0), spread over 0.0–99.9. */
export const cellValue = (n: number) => ((n * 7919) % 1000) / 10;

/** The cube as a JSON-stat 2.0 dataset, its values in the order of `id`. */
export function jsonStatOf(cube: Cube, values: number[]) {
	const category = (ids: string[]) => ({
		index: ids,
		label: Object.fromEntries(ids.map((i) => [i, i]))
	});
	return {
		version: '2.0',
		class: 'dataset',
		id: ['Tid', 'OMRÅDE', 'UDDANNELSE', 'ALDER', 'ContentsCode'],
		size: [cube.years.length, cube.geos.length, cube.educations.length, cube.ages.length, 1],
		role: { time: ['Tid'], geo: ['OMRÅDE'], metric: ['ContentsCode'] },
		dimension: {
			Tid: { label: 'tid', category: category(cube.years) },
			OMRÅDE: { label: 'område', category: category(cube.geos) },
			UDDANNELSE: { label: 'uddannelse', category: category(cube.educations) },
			ALDER: { label: 'alder', category: category(cube.ages) },
			ContentsCode: { label: 'indhold', category: category(['PCT']) }
		},
		value: values
	};
}

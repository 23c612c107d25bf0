/** One value to filter on, with how many results have it. */
export interface FacetOption {
	code: string;
	label: string;
	checked?: boolean;
	count?: number;
}

/** A filter on a search page: a group of values, one yes/no choice, or a number or date. */
export type Facet =
	| { kind: 'options'; legend: string; name: string; options: FacetOption[] }
	| { kind: 'switch'; name: string; label: string; checked: boolean }
	| {
			kind: 'field';
			name: string;
			label: string;
			type: 'number' | 'date';
			value: string;
			min?: number;
			max?: number;
	  };

/** A group of values to tick. */
export const options = (legend: string, name: string, values: FacetOption[]): Facet => ({
	kind: 'options',
	legend,
	name,
	options: values
});

/** One yes/no choice. */
export const toggle = (name: string, label: string, checked: boolean): Facet => ({
	kind: 'switch',
	name,
	label,
	checked
});

/** A whole number between `min` and `max`, empty when not given. */
export const whole = (
	name: string,
	label: string,
	value: number | null,
	min: number,
	max: number
): Facet => ({
	kind: 'field',
	type: 'number',
	name,
	label,
	value: value?.toString() ?? '',
	min,
	max
});

/** A date, empty when not given. */
export const day = (name: string, label: string, value: string): Facet => ({
	kind: 'field',
	type: 'date',
	name,
	label,
	value
});

/** How many filters are chosen: values ticked, choices made, fields filled (and `others` given). */
export function chosenCount(facets: Facet[], ...others: (string | null | undefined)[]): number {
	let count = others.filter(
		(value) => value !== undefined && value !== null && value !== ''
	).length;
	for (const facet of facets)
		if (facet.kind === 'options') count += facet.options.filter((o) => o.checked).length;
		else if (facet.kind === 'switch') count += facet.checked ? 1 : 0;
		else count += facet.value === '' ? 0 : 1;
	return count;
}

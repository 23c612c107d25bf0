/**
 * A checkbox group's options with the boxes ticked that a form was sent back with: `chosen` is
 * the field's values joined by commas (form values are strings), as the form actions keep them.
 */
export function ticked<T extends { code: string }>(
	options: T[],
	chosen: string | undefined
): (T & { checked: boolean })[] {
	const codes = new Set((chosen ?? '').split(',').filter(Boolean));
	return options.map((o) => ({ ...o, checked: codes.has(o.code) }));
}

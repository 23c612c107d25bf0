import { getContext, setContext } from 'svelte';
import type { Msg } from '$lib/i18n/message.ts';

/** What a form was sent back with: the values entered and what was wrong, by field name. */
export interface FormValues {
	values?: Record<string, string | undefined>;
	errors?: Record<string, Msg | undefined>;
}

const KEY = Symbol('form values');

/**
 * Hands the fields of a form (TextField, TextArea, SelectField, BilingualTextFields) their values
 * and errors by name, so a field says only what it is: `<TextField id="title" label=… />`. A
 * function, read as the fields render, so the fields follow the form when it changes. A password
 * field never takes a value from here.
 */
export function setFormValues(read: () => FormValues): void {
	setContext(KEY, read);
}

/**
 * Reads a field's value and error by name from the form around it (none outside one). Call it as
 * the field is made (Svelte's context is there only then); read with it as the field renders.
 */
export function formValues(): (name: string) => { value?: string; error?: Msg } {
	const read = getContext<(() => FormValues) | undefined>(KEY);
	return (name) => {
		if (!read) return {};
		const { values, errors } = read();
		return { value: values?.[name], error: errors?.[name] };
	};
}

/** A field's value: the one it is given, else the one the form around it was sent back with. */
export function formValue(): (name: string, given: string | undefined) => string {
	const fromForm = formValues();
	return (name, given) => given ?? fromForm(name).value ?? '';
}

/** For tests: the context a field rendered alone finds its form in. */
export const formContext = (values: FormValues) => new Map<unknown, unknown>([[KEY, () => values]]);

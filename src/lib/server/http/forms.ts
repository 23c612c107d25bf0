import { hasControlCharacters } from '../../text.ts';
import { fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { ZodError } from 'zod';
import type { MessageKey, Msg } from '$lib/i18n/message.ts';
import { m } from '$lib/paraglide/messages.js';

/** What a failed form action returns: messages by field id, the whole-form message, values. */
export interface FormFailure {
	errors?: Record<string, Msg>;
	message?: Msg;
	values?: Record<string, string>;
	/** A rejected file: every problem by row or cell (at most 200 listed) and how many more. */
	rejected?: { problems: string[]; more: number };
}

export function formFailure(status: number, failure: FormFailure): ActionFailure<FormFailure> {
	return fail(status, failure);
}

/** Largest text field accepted from any form; anything longer is refused, not truncated. */
export const MAX_FIELD = 10_000;

/**
 * The submitted form as strings. A body that is not a form, a file where text belongs or a
 * field over MAX_FIELD characters gives `undefined` for that field rather than an exception.
 */
export async function readForm(event: RequestEvent): Promise<FormData | undefined> {
	try {
		return await event.request.formData();
	} catch {
		return undefined;
	}
}

export function field(form: FormData | undefined, name: string): string | undefined {
	const value = form?.get(name);
	if (typeof value !== 'string' || value.length > MAX_FIELD) return undefined;
	return value;
}

/**
 * A local path to return to after signing in; anything else (another site, `//host`,
 * `javascript:`) falls back to the default.
 */
export function safeNext(next: string | null | undefined, fallback: string): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
		return fallback;
	if (hasControlCharacters(next)) return fallback;
	return next;
}

export function clientIp(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/**
 * The fields a rejected form got wrong, as the form names them in the reader's language, for
 * the "check these fields" message: a broken rule with its own reason gives that reason.
 */
export function namedFields(
	error: ZodError,
	locale: 'da' | 'en',
	labels: Record<string, MessageKey>,
	reasons: Record<string, MessageKey> = {}
): string {
	const render = (key: MessageKey) => (m[key] as (p: object, o: object) => string)({}, { locale });
	return [
		...new Set(
			error.issues.map((issue) => {
				const field = String(issue.path[0]);
				const key = (issue.code === 'custom' && reasons[field]) || labels[field];
				return key ? render(key) : issue.path.join('.');
			})
		)
	].join(', ');
}

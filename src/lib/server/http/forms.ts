import { hasControlCharacters } from '../../text.ts';
import { fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { ZodError } from 'zod';
import type { MessageKey, Msg } from '$lib/i18n/message.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { m } from '$lib/paraglide/messages.js';
import type { Actor } from '../accounts/index.ts';
import { requireCan } from './guards.ts';

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

/**
 * The end of a form action that sends a proposal (a new item, or a change) for review: the
 * form's failure as `send` gives it, or back to `list` with `?sendt=<sent>`, where the list
 * says what happens next.
 */
export async function sendProposal(
	event: RequestEvent,
	list: string,
	send: (form: FormData | undefined) => Promise<ActionFailure<FormFailure> | undefined>,
	sent = '1'
): Promise<ActionFailure<FormFailure>> {
	const failure = await send(await readForm(event));
	if (failure) return failure;
	redirect(303, `${localizedPath(list, event.locals.locale)}?sendt=${sent}`);
}

/**
 * A form action that proposes something for review: who may make proposals sends the form
 * through `send`, and comes back to `list` as `sendProposal` says.
 */
export function proposalAction(
	list: string,
	send: (
		event: RequestEvent,
		actor: Actor,
		form: FormData | undefined
	) => Promise<ActionFailure<FormFailure> | undefined>
) {
	return async (event: RequestEvent) => {
		const actor = requireCan(event.locals, 'submissions.create');
		return sendProposal(event, list, (form) => send(event, actor, form));
	};
}

export function field(form: FormData | undefined, name: string): string | undefined {
	const value = form?.get(name);
	if (typeof value !== 'string' || value.length > MAX_FIELD) return undefined;
	return value;
}

/** A bilingual text as its form's two fields, `${id}Da` and `${id}En` ('' where there is none). */
export function bilingualValues(
	id: string,
	text: { da: string; en?: string } | null | undefined
): Record<string, string> {
	return { [`${id}Da`]: text?.da ?? '', [`${id}En`]: text?.en ?? '' };
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

/** An error a form action expects from a domain call, and the failure it becomes. */
export interface Expected<F> {
	matches(error: unknown): boolean;
	failure(error: unknown): F;
}

/**
 * `on(AccountError, (e) => formFailure(409, …))`: one expected error for `attempt`, optionally
 * only when `when` says so (a code of the error).
 */
export function on<E, F>(
	type: abstract new (...args: never[]) => E,
	failure: (error: E) => F,
	when: (error: E) => boolean = () => true
): Expected<F> {
	return {
		matches: (error) => error instanceof type && when(error as E),
		failure: (error) => failure(error as E)
	};
}

/**
 * Runs a form action's domain call. An error it expects becomes that form failure, which the
 * action returns (`if (!done.ok) return done.failure`); any other error is thrown on, a 500.
 */
export async function attempt<T, X extends Expected<unknown>[]>(
	work: () => Promise<T>,
	...expected: X
): Promise<
	{ ok: true; value: T } | { ok: false; failure: X[number] extends Expected<infer F> ? F : never }
> {
	try {
		return { ok: true, value: await work() };
	} catch (error) {
		const known = expected.find((e) => e.matches(error));
		if (!known) throw error;
		return {
			ok: false,
			failure: known.failure(error) as X[number] extends Expected<infer F> ? F : never
		};
	}
}

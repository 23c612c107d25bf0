import type { RequestEvent } from '@sveltejs/kit';
import { msg, type MessageKey, type Msg } from '$lib/i18n/message.ts';
import { hasControlCharacters } from '$lib/text.ts';
import {
	AccountError,
	emailSchema,
	hit,
	ipKey,
	LIMITS,
	PasswordRejectedError
} from '../accounts/index.ts';
import { appAuth } from '../app.ts';
import { attempt, clientIp, field, formFailure, on, readForm } from './forms.ts';

/**
 * The form that makes an account (an invitation, the first administrator's set-up): read, rate
 * limited per address, checked field by field, then handed to the domain with the password
 * hasher; its refusals become messages in the reader's language. Nothing is written on a failure.
 */
export async function accountFormAction<T>(
	event: RequestEvent,
	options: {
		/** The rate-limit bucket: `invitation`, `setup`. */
		limit: string;
		withEmail: boolean;
		/** The message for an AccountError code the domain call may throw, and for any other. */
		refusals: Partial<Record<AccountError['code'], MessageKey>>;
		otherwise: MessageKey;
		create: (
			input: { name: string; email: string; password: string },
			hashPassword: (plain: string) => Promise<string>
		) => Promise<T>;
	}
) {
	const form = await readForm(event);
	const name = (field(form, 'name') ?? '').trim();
	const email = (field(form, 'email') ?? '').trim();
	const password = field(form, 'password') ?? '';
	const values = {
		name: name.slice(0, 200),
		...(options.withEmail ? { email: email.slice(0, 254) } : {})
	};
	const limit = await hit(
		event.locals.db,
		ipKey(options.limit, clientIp(event)),
		LIMITS.invitationIp
	);
	if (!limit.allowed)
		return {
			ok: false as const,
			failure: formFailure(429, {
				message: msg('login_throttled', { seconds: limit.retryAfter }),
				values
			})
		};
	const errors: Record<string, Msg> = {};
	if (!name || name.length > 200 || hasControlCharacters(name)) errors.name = msg('name_invalid');
	if (options.withEmail && !emailSchema.safeParse(email).success)
		errors.email = msg('email_invalid');
	if (password.length > 1000) errors.password = msg('password_too_long');
	if (Object.keys(errors).length)
		return { ok: false as const, failure: formFailure(400, { errors, values }) };
	const context = await appAuth().auth.$context;
	const done = await attempt(
		() => options.create({ name, email, password }, (plain) => context.password.hash(plain)),
		on(PasswordRejectedError, (error) =>
			formFailure(400, { errors: { password: msg(`password_${error.problem}`) }, values })
		),
		on(AccountError, (error) =>
			formFailure(400, {
				message: msg(
					error.code === 'exists'
						? 'users_exists'
						: (options.refusals[error.code] ?? options.otherwise)
				),
				values
			})
		)
	);
	return done.ok ? { ok: true as const, value: done.value, password } : done;
}

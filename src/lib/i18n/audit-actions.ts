import { m } from '$lib/paraglide/messages.js';
import type { Locale } from './routes.ts';

/**
 * An audit log action code in words, for the log page: the message `audit_<code>` (dots and
 * dashes as underscores) in messages/*.json; a code without one is shown as it is.
 */
export function auditActionName(code: string, locale: Locale): string {
	const key = `audit_${code.replace(/[.-]/g, '_')}`;
	const message = (m as unknown as Record<string, unknown>)[key];
	return typeof message === 'function'
		? (message as (inputs: object, options: { locale: Locale }) => string)({}, { locale })
		: code;
}

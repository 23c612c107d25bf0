import { z } from 'zod';
import { hasControlCharacters } from '../text.ts';

// The text fields every form and import shares: trimmed, bounded, and free of control
// characters (a long text may keep its line breaks and tabs).

/** One line of required text, at most `max` characters. */
export const line = (max: number) =>
	z
		.string()
		.trim()
		.min(1, 'is required')
		.max(max, `can be at most ${max} characters`)
		.refine((v) => !hasControlCharacters(v), 'must not contain control characters');

/** Required text of several lines, at most `max` characters. */
export const longText = (max: number) =>
	z
		.string()
		.trim()
		.min(1, 'is required')
		.max(max, `can be at most ${max} characters`)
		.refine((v) => !/(?![\n\r\t])\p{Cc}/u.test(v), 'must not contain control characters');

/** Text in Danish (required) and English (optional). */
export const localized = (text: z.ZodType<string>) =>
	z.object({ da: text, en: text.optional() }).strict();

import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('password policy (NIST SP 800-63B rev. 4)', () => {
	it('accepts a long passphrase with no composition rules', () => {
		expect(passwordProblem('rød cykel under broen')).toBeUndefined();
		expect(passwordProblem('fire tilfældige ord i en række')).toBeUndefined();
	});
	it('refuses fewer than 15 characters, counting æ, ø and emoji as one each', () => {
		expect(passwordProblem('kort kodeord')).toBe('too_short');
		expect(passwordProblem('æøåæøåæøåæøåæøå')).toBe('common'); // 15 characters, but a repetition
		expect(passwordProblem('🙂'.repeat(14))).toBe('too_short');
	});
	it('refuses more than 128 characters', () => {
		expect(passwordProblem('x'.repeat(60) + 'y'.repeat(69))).toBe('too_long');
	});
	it('refuses common, repeated and sequential passwords', () => {
		expect(passwordProblem('PasswordPassword')).toBe('common');
		expect(passwordProblem('hejhejhejhejhejhej')).toBe('common');
		expect(passwordProblem('123456789012345')).toBe('common');
		expect(passwordProblem('abcdefghijklmnopq')).toBe('common');
		expect(passwordProblem('Adgangskode12345')).toBe('common');
	});
	it('refuses a password built from the e-mail address', () => {
		expect(passwordProblem('mette.hansen2026!!', 'mette.hansen@aalborg.dk')).toBe('contains_email');
	});
});

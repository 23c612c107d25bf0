// Password rules after NIST SP 800-63B (revision 4): length, not composition. A password that
// is the only factor must be at least 15 characters; anything up to 128 is accepted, spaces and
// any Unicode included; common and breached choices, repetitions and sequences are refused.

export const MIN_PASSWORD_LENGTH = 15;
export const MAX_PASSWORD_LENGTH = 128;

/**
 * Long passwords seen in public breach corpora and the obvious Danish ones. Deployments can
 * extend the check with a full breached-password list; this one ships offline.
 */
const COMMON = new Set([
	'123456789012345',
	'1234567890123456',
	'12345678901234567890',
	'passwordpassword',
	'password12345678',
	'password1234567',
	'iloveyouiloveyou',
	'qwertyuiopasdfgh',
	'qwertyuiopasdfghjkl',
	'qwertyuiopåasdfghjkl',
	'1qaz2wsx3edc4rfv',
	'1q2w3e4r5t6y7u8i',
	'adgangskode12345',
	'adgangskodeadgangskode',
	'kodeordkodeord12',
	'sommerferie2024!',
	'sommerferie2025!',
	'sommerferie2026!',
	'velkommen123456',
	'velkommen1234567',
	'uddannelsesby123',
	'uddannelsesby2026',
	'aalborgkommune1',
	'aalborgkommune123',
	'aalborg123456789',
	'correcthorsebatterystaple',
	'trustno1trustno1',
	'letmeinletmein1',
	'abcdefghijklmnop',
	'abcdefghijklmnopqrstuvwxyz',
	'abcdefghijklmnopqrstuvwxyzæøå',
	'zaq12wsxcde34rfv',
	'welcome123456789',
	'changemechangeme'
]);

function isRepetition(password: string): boolean {
	// "aaaaaaaaaaaaaaa", "abcabcabcabcabc", "hejhejhejhejhej"
	for (let size = 1; size <= password.length / 3; size++) {
		const unit = password.slice(0, size);
		if (unit.repeat(Math.ceil(password.length / size)).slice(0, password.length) === password)
			return true;
	}
	return false;
}

function isSequence(password: string): boolean {
	const codes = [...password].map((c) => c.codePointAt(0)!);
	const step = codes[1]! - codes[0]!;
	if (Math.abs(step) !== 1) return false;
	return codes.every((c, i) => i === 0 || c - codes[i - 1]! === step);
}

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email';

/** What is wrong with a new password, or nothing. */
export function passwordProblem(password: string, email?: string): PasswordProblem | undefined {
	const length = [...password].length; // count characters, not UTF-16 units
	if (length < MIN_PASSWORD_LENGTH) return 'too_short';
	if (length > MAX_PASSWORD_LENGTH) return 'too_long';
	const folded = password.normalize('NFKC').toLowerCase();
	const squeezed = folded.replace(/\s+/g, '');
	if (COMMON.has(folded) || COMMON.has(squeezed) || isRepetition(squeezed) || isSequence(squeezed))
		return 'common';
	const local = email?.split('@')[0]?.toLowerCase();
	const lettersOnly = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '');
	if (local && lettersOnly(local).length >= 4 && lettersOnly(squeezed).includes(lettersOnly(local)))
		return 'contains_email';
	return undefined;
}

import { describe, expect, it } from 'vitest';
import { cookiePrefix } from '../accounts/index.ts';
import { adminGate, isPrivateRoute } from './admin-gate.ts';
import { safeNext } from './forms.ts';

describe('who reaches /admin', () => {
	const editor = { role: 'editor' as const, twoFactorEnabled: false, hasPassword: true };
	it('sends visitors without a session to sign-in and leaves public pages open', () => {
		expect(adminGate('/admin/brugere', undefined)).toBe('login');
		expect(adminGate('/indikatorer', undefined)).toBe('open');
		expect(adminGate('/administration-of-something', undefined)).toBe('open');
	});
	it('keeps editors and administrators on the account page until two-factor is on', () => {
		expect(adminGate('/admin/brugere', editor)).toBe('two-factor');
		expect(adminGate('/admin/konto', editor)).toBe('ok');
		expect(adminGate('/admin/konto/data.json', editor)).toBe('ok');
		expect(adminGate('/admin/brugere', { ...editor, twoFactorEnabled: true })).toBe('ok');
	});
	it('leaves the second factor to the organisation for single sign-on accounts and to choice for partners', () => {
		expect(adminGate('/admin/brugere', { ...editor, hasPassword: false })).toBe('ok');
		expect(
			adminGate('/admin', { role: 'partner', twoFactorEnabled: false, hasPassword: true })
		).toBe('ok');
	});
	it('marks sign-in, invitation and administration pages private', () => {
		expect(isPrivateRoute('/invitation/abc')).toBe(true);
		expect(isPrivateRoute('/log-ind/kode')).toBe(true);
		expect(isPrivateRoute('/indikatorer/frafald')).toBe(false);
	});
});

describe('cookies and redirects', () => {
	it('uses the __Host- prefix on HTTPS and a plain name on http://localhost', () => {
		expect(cookiePrefix('https://uddannelsesby.aalborg.dk')).toBe('__Host-uddannelsesby');
		expect(cookiePrefix('http://localhost:3000')).toBe('uddannelsesby');
	});
	it('returns only to local paths after sign-in', () => {
		expect(safeNext('/admin/log?x=1', '/admin')).toBe('/admin/log?x=1');
		for (const evil of [
			'https://evil.example',
			'//evil.example',
			'/\\evil.example',
			'javascript:alert(1)',
			'/a\nb'
		])
			expect(safeNext(evil, '/admin')).toBe('/admin');
	});
});

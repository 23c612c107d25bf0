import { describe, expect, it } from 'vitest';
import { cookiePrefix } from '../accounts/index.ts';
import { can, type Actor } from '../accounts/index.ts';
import { adminGate, canonicalRoute, isPrivateRoute } from './admin-gate.ts';
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

describe('the route a rule keys on', () => {
	it('is the matched route id, whatever the spelling of the path', () => {
		expect(canonicalRoute('/%61dmin/brugere', '/admin/brugere')).toBe('/admin/brugere');
		expect(canonicalRoute('/en/%61dmin/users', '/admin/brugere')).toBe('/admin/brugere');
		expect(canonicalRoute('/x', '/(group)/admin/log')).toBe('/admin/log');
	});
	it('is the decoded, normalised path where no route matches', () => {
		expect(canonicalRoute('/%61dmin/nothing', null)).toBe('/admin/nothing');
		expect(canonicalRoute('//admin//brugere', null)).toBe('/admin/brugere');
		expect(canonicalRoute('/en/%61dmin/users', null)).toBe('/admin/brugere');
		expect(canonicalRoute('/%E0%A4%A', null)).toBe('/%E0%A4%A');
		expect(adminGate(canonicalRoute('/%61dmin/nothing', null), undefined)).toBe('login');
	});
});

describe('an actor whose second factor is pending', () => {
	const editor: Actor = { id: 'u', email: 'e@x.dk', role: 'editor', organizationIds: [] };
	it('may enter /admin and manage the own account, and nothing else', () => {
		const pending = { ...editor, secondFactorPending: true };
		expect(can(pending, 'admin.enter')).toBe(true);
		expect(can(pending, 'account.manageOwn')).toBe(true);
		for (const action of ['users.read', 'users.invitePartner', 'moderation.review'] as const) {
			expect(can(pending, action)).toBe(false);
			expect(can(editor, action)).toBe(true);
		}
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

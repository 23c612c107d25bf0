import { describe, expect, it } from 'vitest';
import { crossSiteForm } from './csrf.ts';

const url = new URL('https://uddannelsesby.example/admin/tilbud');
const post = (headers: Record<string, string>, method = 'POST') =>
	new Request(url, { method, headers, body: method === 'GET' ? undefined : 'a=1' });

describe('the CSRF rule for form posts', () => {
	it('refuses a form post from another origin or with no origin', () => {
		const form = { 'content-type': 'application/x-www-form-urlencoded' };
		expect(
			crossSiteForm(post({ ...form, origin: 'https://evil.example' }), url, '/admin/tilbud')
		).toBe(true);
		expect(crossSiteForm(post(form), url, '/admin/tilbud')).toBe(true);
		expect(
			crossSiteForm(
				post({ 'content-type': 'multipart/form-data; boundary=x' }),
				url,
				'/admin/tilbud'
			)
		).toBe(true);
		expect(
			crossSiteForm(post({ 'content-type': 'TEXT/PLAIN' }, 'DELETE'), url, '/admin/tilbud')
		).toBe(true);
	});

	it('lets the same origin, non-form bodies and reads through', () => {
		expect(
			crossSiteForm(
				post({ 'content-type': 'application/x-www-form-urlencoded', origin: url.origin }),
				url,
				'/admin/tilbud'
			)
		).toBe(false);
		expect(crossSiteForm(post({ 'content-type': 'application/json' }), url, '/api/v1/x')).toBe(
			false
		);
		expect(crossSiteForm(new Request(url), url, '/admin/tilbud')).toBe(false);
	});

	it('exempts only the one-click unsubscribe link of alert mails', () => {
		const oneClick = post({ 'content-type': 'application/x-www-form-urlencoded' });
		expect(crossSiteForm(oneClick, url, '/job/besked/afmeld')).toBe(false);
		expect(crossSiteForm(oneClick, url, '/job/besked/bekraeft')).toBe(true);
		expect(crossSiteForm(oneClick, url, '/job')).toBe(true);
	});
});

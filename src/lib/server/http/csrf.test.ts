import { describe, expect, it } from 'vitest';
import { crossSiteRequest } from './csrf.ts';

const url = new URL('https://uddannelsesby.example/admin/tilbud');
const request = (headers: Record<string, string>, method = 'POST', body: string | null = 'a=1') =>
	new Request(url, { method, headers, body: method === 'GET' || method === 'HEAD' ? null : body });
const cookie = { cookie: 'uddannelsesby.session_token=abc' };

describe('the cross-site request rule', () => {
	it('refuses a write from another origin, whatever its method and content type', () => {
		const evil = { origin: 'https://evil.example' };
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])
			for (const type of [
				'application/x-www-form-urlencoded',
				'multipart/form-data; boundary=x',
				'TEXT/PLAIN',
				'application/json',
				''
			]) {
				const headers = type ? { ...evil, 'content-type': type } : evil;
				expect(
					crossSiteRequest(request(headers, method), url, '/admin/tilbud'),
					`${method} ${type}`
				).toBe(true);
			}
		// A post with no body at all (it confirmed an offer before).
		expect(
			crossSiteRequest(
				request({ ...evil, ...cookie }, 'POST', null),
				url,
				'/admin/tilbud/x/bekraeft'
			)
		).toBe(true);
		expect(crossSiteRequest(request({ origin: 'null', ...cookie }), url, '/admin/tilbud')).toBe(
			true
		);
	});

	it('refuses a write without Origin that a browser marks cross-site, or that carries cookies', () => {
		expect(crossSiteRequest(request({ 'sec-fetch-site': 'cross-site' }), url, '/log-ind')).toBe(
			true
		);
		expect(crossSiteRequest(request({ 'sec-fetch-site': 'same-site' }), url, '/log-ind')).toBe(
			true
		);
		expect(crossSiteRequest(request(cookie), url, '/admin/tilbud')).toBe(true);
	});

	it('lets the same origin, reads and cookieless non-browser clients through', () => {
		expect(crossSiteRequest(request({ origin: url.origin, ...cookie }), url, '/admin/tilbud')).toBe(
			false
		);
		expect(
			crossSiteRequest(request({ 'sec-fetch-site': 'same-origin', ...cookie }), url, '/x')
		).toBe(false);
		expect(
			crossSiteRequest(request({ 'content-type': 'application/json' }), url, '/api/v1/x')
		).toBe(false);
		expect(
			crossSiteRequest(request({ origin: 'https://evil.example', ...cookie }, 'GET'), url, '/admin')
		).toBe(false);
		expect(crossSiteRequest(request({ origin: 'https://evil.example' }, 'HEAD'), url, '/')).toBe(
			false
		);
	});

	it('exempts only the one-click unsubscribe link of alert mails', () => {
		const oneClick = request({
			'content-type': 'application/x-www-form-urlencoded',
			origin: 'https://mail.example'
		});
		expect(crossSiteRequest(oneClick, url, '/job/besked/afmeld')).toBe(false);
		expect(crossSiteRequest(oneClick, url, '/job/besked/bekraeft')).toBe(true);
		expect(crossSiteRequest(oneClick, url, '/job')).toBe(true);
	});
});

import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.js';

describe('security headers', () => {
	it('send HSTS for a year when the site is served over https, and not over http', () => {
		expect(securityHeaders('https://uddannelsesby.aalborg.dk')['strict-transport-security']).toBe(
			'max-age=31536000'
		);
		expect(securityHeaders('http://localhost:3000')).not.toHaveProperty(
			'strict-transport-security'
		);
		expect(securityHeaders(undefined)).not.toHaveProperty('strict-transport-security');
	});
	it('forbid sniffing and framing everywhere', () => {
		expect(securityHeaders(undefined)).toMatchObject({
			'x-content-type-options': 'nosniff',
			'x-frame-options': 'DENY'
		});
	});
});

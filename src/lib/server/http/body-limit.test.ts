import { describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/index.ts';
import { bodyLimit, bodyRefusal, SMALL_BODY } from './body-limit.ts';

const editor: Actor = { id: 'e', email: 'e@x.dk', role: 'editor', organizationIds: [] };
const partner: Actor = { id: 'p', email: 'p@x.dk', role: 'partner', organizationIds: ['o'] };
const post = (headers: Record<string, string>) =>
	new Request('http://localhost/log-ind', { method: 'POST', headers });

describe('request body limits', () => {
	it('allow a large body only on an upload route, to someone who may upload there', () => {
		expect(bodyLimit('/admin/indikatorer', editor)).toBe(21 * 1024 * 1024);
		expect(bodyLimit('/admin/indikatorer', partner)).toBe(SMALL_BODY);
		expect(bodyLimit('/admin/indikatorer', undefined)).toBe(SMALL_BODY);
		expect(bodyLimit('/admin/organisationer/[slug]', partner)).toBe(3 * 1024 * 1024);
		expect(
			bodyLimit('/admin/organisationer/[slug]', { ...editor, secondFactorPending: true })
		).toBe(SMALL_BODY);
		expect(bodyLimit('/log-ind', editor)).toBe(SMALL_BODY);
	});
	it('refuse a body over the limit by its declared length, before reading it', () => {
		expect(bodyRefusal(post({ 'content-length': String(21 * 1024 * 1024) }), SMALL_BODY)).toBe(413);
		expect(bodyRefusal(post({ 'content-length': String(SMALL_BODY) }), SMALL_BODY)).toBeUndefined();
		expect(bodyRefusal(post({ 'content-length': 'lots' }), SMALL_BODY)).toBe(413);
	});
	it('refuse a body of unknown length where only small ones are taken', () => {
		expect(bodyRefusal(post({ 'transfer-encoding': 'chunked' }), SMALL_BODY)).toBe(411);
		expect(bodyRefusal(post({ 'transfer-encoding': 'chunked' }), 21 * 1024 * 1024)).toBeUndefined();
		expect(bodyRefusal(new Request('http://localhost/'), SMALL_BODY)).toBeUndefined();
	});
});

import { parseAtomFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { atomFeed, type AtomEntry } from './atom.ts';

const hit = (
	id: string,
	createdAt: string,
	updatedAt: string,
	extra: Partial<AtomEntry> = {}
): AtomEntry => ({
	id,
	title: 'Opvasker',
	untranslated: false,
	url: `https://example.dk/job/opslag-${id.slice(0, 4)}`,
	published: createdAt,
	updated: updatedAt,
	author: 'Café Eksempel',
	summary: 'Studiejob · Aalborg',
	...extra
});

const feed = (entries: AtomEntry[], locale: 'da' | 'en' = 'da') =>
	atomFeed({
		title: 'Job – Uddannelsesby',
		selfUrl: 'https://example.dk/job/feed.atom?type=studiejob&english=1',
		pageUrl: 'https://example.dk/job?type=studiejob&english=1',
		locale,
		entries,
		lastChange: new Date('2026-10-01T08:00:00Z')
	});

describe('the Atom feed of a search', () => {
	it('escapes text and drops characters XML cannot carry', () => {
		const xml = feed([
			hit(
				'3d8f5a4e-6c2b-4f1a-9e7d-5b4c3a2f1e0d',
				'2026-11-20 10:00:00+00',
				'2026-11-20 10:00:00+00',
				{
					title: '<script>alert(1)</script> Elev\u0007',
					author: 'Smed & Søn'
				}
			)
		]);
		expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Elev</title>');
		expect(xml).toContain('href="https://example.dk/job/feed.atom?type=studiejob&amp;english=1"');
		expect(xml).toContain('<name>Smed &amp; Søn</name>');
		expect(xml).not.toContain('\u0007');
	});

	it('gives each entry its own times, newest change first, read back by a feed parser', () => {
		const xml = feed(
			[
				hit(
					'00000000-0000-4000-8000-000000000001',
					'2026-11-01 09:00:00+00',
					'2026-11-01 09:00:00+00'
				),
				hit(
					'00000000-0000-4000-8000-000000000002',
					'2026-10-20 12:00:00+00',
					'2026-11-25 14:30:00+00'
				),
				hit(
					'00000000-0000-4000-8000-000000000003',
					'2026-11-10 07:15:00+00',
					'2026-11-12 07:15:00+00',
					{
						untranslated: true
					}
				)
			],
			'en'
		);
		const parsed = parseAtomFeed(xml);
		const entries = parsed.entries ?? [];
		expect(entries.map((e) => e.updated)).toEqual([
			'2026-11-25T14:30:00.000Z',
			'2026-11-12T07:15:00.000Z',
			'2026-11-01T09:00:00.000Z'
		]);
		expect(entries.map((e) => e.published)).toEqual([
			'2026-10-20T12:00:00.000Z',
			'2026-11-10T07:15:00.000Z',
			'2026-11-01T09:00:00.000Z'
		]);
		expect(parsed.updated).toBe('2026-11-25T14:30:00.000Z');
		// The untranslated title is marked Danish in the English feed; the summary is English.
		expect(xml).toContain('<title xml:lang="da">Opvasker</title>');
		expect(xml).toContain('<title xml:lang="en">Opvasker</title>');
		expect(xml).toContain('<summary xml:lang="en">');
		expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
	});

	it('dates an empty feed by the last change it is given, not 1970', () => {
		const parsed = parseAtomFeed(feed([]));
		expect(parsed.updated).toBe('2026-10-01T08:00:00.000Z');
		expect(parsed.entries ?? []).toHaveLength(0);
	});
});

import { describe, expect, it } from 'vitest';
import { atomFeed } from './feed.ts';

describe('the Atom feed of a job search', () => {
	it('escapes text and drops characters XML cannot carry', () => {
		const xml = atomFeed({
			title: 'Job & praktik',
			selfUrl: 'https://example.dk/job/feed.atom?type=studiejob&english=1',
			pageUrl: 'https://example.dk/job?type=studiejob&english=1',
			items: [
				{
					id: '3d8f5a4e-6c2b-4f1a-9e7d-5b4c3a2f1e0d',
					slug: 'elev',
					type: 'laereplads',
					title: '<script>alert(1)</script> Elev\u0007',
					untranslated: false,
					organization: 'Smed & Søn',
					city: 'Aalborg',
					remote: false,
					deadline: '2026-12-15',
					hoursPerWeek: 37,
					englishFriendly: false,
					isDemo: true,
					createdAt: '2026-11-20 10:00:00+00',
					distanceKm: null
				}
			],
			postingUrl: (slug) => `https://example.dk/job/${slug}`,
			describe: () => 'Læreplads'
		});
		expect(xml).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; Elev</title>');
		expect(xml).toContain('href="https://example.dk/job/feed.atom?type=studiejob&amp;english=1"');
		expect(xml).toContain('<name>Smed &amp; Søn</name>');
		expect(xml).toContain('<updated>2026-11-20T10:00:00.000Z</updated>');
		expect(xml).not.toContain('\u0007');
	});
});

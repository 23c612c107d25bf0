import { expect, it } from 'vitest';
import { opportunityQueryFromUrl } from './url-query.ts';

it('opportunityQueryFromUrl reads the URL names and reports problems under them', () => {
	const url = (search: string) => new URL(`https://example.dk/job${search}`);
	expect(
		opportunityQueryFromUrl(url('?type=laereplads&english=1&hours=15&deadline=2026-12-24&km=10'), {
			addresses: false
		})
	).toMatchObject({
		ok: true,
		query: {
			type: ['laereplads'],
			englishFriendly: true,
			maxHours: 15,
			deadlineFrom: '2026-12-24',
			km: 10
		}
	});
	const wrong = opportunityQueryFromUrl(url('?hours=99&deadline=i-morgen'), { addresses: false });
	expect(wrong.ok).toBe(false);
	expect(!wrong.ok && wrong.problems.map((p) => p.parameter).sort()).toEqual(['deadline', 'hours']);
});

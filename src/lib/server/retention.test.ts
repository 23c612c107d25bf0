import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Database } from './db/index.ts';
import { testEngines } from './db/testing.ts';
import { loadDemoOpportunities } from './opportunities/index.ts';
import { loadDemoDirectory, loadTaxonomy } from './directory/index.ts';
import { applyRetention, type RetentionSettings } from './retention.ts';

const NOW = new Date('2026-12-05T12:00:00Z');
const settings: RetentionSettings = {
	mailDays: 90,
	unconfirmedAlertDays: 7,
	invitationDays: 30,
	closedPostingYears: 2,
	auditYears: 5
};
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

async function count(database: Database, query: ReturnType<typeof sql>): Promise<number> {
	return rowsOf<{ n: number }>(await database.db.execute(query))[0]?.n ?? -1;
}

describe.each(testEngines())('retention on $name', ({ open }) => {
	let database: Database;
	beforeAll(async () => {
		database = await open();
		await loadTaxonomy(database.db, 'taxonomy/directory.yaml', 'test');
		await loadDemoDirectory(database.db, 'demo/directory/offers.json');
		await loadDemoOpportunities(database.db, 'demo/opportunities/postings.json');
		const db = database.db;
		await db.execute(sql`insert into mail_outbox (created_at, recipient, subject, body, status)
			values (${ago(91)}, 'a@b.dk', 'old', 'x', 'sent'), (${ago(89)}, 'a@b.dk', 'recent', 'x', 'outbox')`);
		await db.execute(sql`insert into job_alerts (email, search, query_string, locale, unsubscribe_token, confirm_token_hash, created_at, confirmed_at)
			values ('u1@b.dk', '{}', '', 'da', 't1', 'h1', ${ago(8)}, null),
				('u2@b.dk', '{}', '', 'da', 't2', 'h2', ${ago(6)}, null),
				('u3@b.dk', '{}', '', 'da', 't3', null, ${ago(400)}, ${ago(399)})`);
		await db.execute(sql`insert into users (id, name, email) values ('u-1', 'Test', 'test@b.dk')`);
		await db.execute(sql`insert into sessions (id, token, user_id, expires_at) values
			('s-old', 'tok-old', 'u-1', ${ago(1)}), ('s-live', 'tok-live', 'u-1', ${ago(-1)})`);
		await db.execute(sql`insert into verifications (id, identifier, value, expires_at) values
			('v-old', 'x', 'y', ${ago(1)}), ('v-live', 'x', 'y', ${ago(-1)})`);
		await db.execute(sql`insert into invitations (token_hash, email, role, invited_by, expires_at, accepted_at) values
			('i1', 'a@b.dk', 'editor', 'u-1', ${ago(31)}, null),
			('i2', 'b@b.dk', 'editor', 'u-1', ${ago(29)}, null),
			('i3', 'c@b.dk', 'editor', 'u-1', ${ago(-7)}, ${ago(31)}),
			('i4', 'd@b.dk', 'editor', 'u-1', ${ago(-7)}, null)`);
		await db.execute(sql`insert into indicator_upload_drafts (indicator_code, actor, file_name, sha256, content, expires_at) values
			('x', 'u-1', 'a.csv', 's', 'c', ${ago(1)})`);
		// One posting closed three years ago, one a year ago; the rest are open.
		await db.execute(sql`update opportunities set expires_at = ${ago(3 * 366)}
			where id = (select id from opportunities order by slug limit 1)`);
		await db.execute(sql`update opportunities set expires_at = ${ago(366)}
			where id = (select id from opportunities order by slug offset 1 limit 1)`);
		await db.execute(sql`insert into audit_log (at, actor, action, entity_type, entity_id) values
			(${ago(5 * 366)}, 'u-1', 'old.thing', 'x', '1'), (${ago(4 * 365)}, 'u-1', 'newer.thing', 'x', '2')`);
	}, 120_000);
	afterAll(() => database?.close());

	it('deletes exactly what is older than its period, and nothing on a second run', async () => {
		const postings = await count(database, sql`select count(*)::int as n from opportunities`);
		const first = await applyRetention(database.db, settings, NOW);
		expect(first).toEqual({
			mail: 1,
			unconfirmedAlerts: 1,
			sessions: 1,
			verifications: 1,
			invitations: 2,
			uploadDrafts: 1,
			closedPostings: 1,
			auditEntries: 1
		});
		expect(await count(database, sql`select count(*)::int as n from opportunities`)).toBe(
			postings - 1
		);
		expect(
			rowsOf<{ subject: string }>(await database.db.execute(sql`select subject from mail_outbox`))
		).toEqual([{ subject: 'recent' }]);
		expect(
			rowsOf<{ email: string }>(
				await database.db.execute(sql`select email from job_alerts order by email`)
			).map((r) => r.email)
		).toEqual(['u2@b.dk', 'u3@b.dk']);
		expect(
			rowsOf<{ email: string }>(
				await database.db.execute(sql`select email from invitations order by email`)
			).map((r) => r.email)
		).toEqual(['b@b.dk', 'd@b.dk']);
		// The deleted posting is recorded; the old audit entry is gone, the newer one kept.
		const actions = rowsOf<{ action: string }>(
			await database.db.execute(
				sql`select action from audit_log where action not like '%.import%' order by id`
			)
		).map((r) => r.action);
		expect(actions).toContain('opportunity.delete');
		expect(actions).toContain('newer.thing');
		expect(actions).not.toContain('old.thing');

		const second = await applyRetention(database.db, settings, NOW);
		expect(Object.values(second).every((n) => n === 0)).toBe(true);
	});
});

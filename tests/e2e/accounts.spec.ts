import { gunzipSync } from 'node:zlib';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { alternatePath } from '../../src/lib/i18n/routes.ts';
import { layoutProblems } from './layout.ts';
import type { Fixture } from './accounts-fixture.ts';
import { accountsFixture } from './sign-in.ts';
import { expectNoAxeViolations } from './axe.ts';
import { unusedTotp } from '../support/totp.ts';

const fixture = accountsFixture;

/** A form post as a browser without JavaScript sends it. */
function post(api: APIRequestContext, baseURL: string, path: string, form: Record<string, string>) {
	return api.post(path, {
		form,
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
}

/**
 * Sessions this worker has signed in, by server and person. A TOTP step signs in once per
 * account, so signing in afresh for every test waits up to 30 s each time; the sign-in itself
 * is tested below, in the browser.
 */
const sessions = new Map<string, Awaited<ReturnType<APIRequestContext['storageState']>>>();

/**
 * An HTTP client signed in as `who` (password, then the TOTP code where the role has one), in a
 * session this worker signed in earlier when there is one. Tests that end sessions use people
 * of their own (dummy, replayEditor, bruteforce).
 */
async function signedIn(baseURL: string, who: keyof Fixture['users'] | 'anonymous') {
	const key = `${baseURL} ${who}`;
	const known = sessions.get(key);
	if (known) return request.newContext({ baseURL, storageState: known });
	const api = await request.newContext({ baseURL });
	if (who === 'anonymous') return api;
	const f = fixture(baseURL);
	const user = f.users[who]!;
	const res = await post(api, baseURL, '/log-ind?/login', {
		email: user.email,
		password: f.password
	});
	expect(res.status(), `sign-in of ${who}`).toBe(303);
	if (user.totpSecret) {
		expect(res.headers().location).toContain('/log-ind/kode');
		const code = await post(api, baseURL, '/log-ind/kode', {
			code: await unusedTotp(user.totpSecret)
		});
		expect(code.status(), `second factor of ${who}`).toBe(303);
	}
	sessions.set(key, await api.storageState());
	return api;
}

type Who = 'anonymous' | 'admin' | 'editor' | 'council' | 'partnerA' | 'pendingEditor';
const everyone: Who[] = ['anonymous', 'admin', 'editor', 'council', 'partnerA', 'pendingEditor'];

/** Non-public pages: who may read them. Everyone else is sent to sign-in or gets 403. */
const reads: { path: string; allowed: Who[] }[] = [
	{ path: '/admin', allowed: ['admin', 'editor', 'council', 'partnerA'] },
	{ path: '/admin/konto', allowed: ['admin', 'editor', 'council', 'partnerA', 'pendingEditor'] },
	{
		path: '/admin/konto/data.json',
		allowed: ['admin', 'editor', 'council', 'partnerA', 'pendingEditor']
	},
	{ path: '/admin/brugere', allowed: ['admin', 'editor'] },
	{ path: '/admin/organisationer', allowed: ['admin', 'editor'] },
	{
		path: '/admin/organisationer/aalborg-tekniske-gymnasium',
		allowed: ['admin', 'editor', 'partnerA']
	},
	{ path: '/admin/indikatorer', allowed: ['admin', 'editor'] },
	{ path: '/admin/tilbud', allowed: ['admin', 'editor', 'partnerA'] },
	{ path: '/admin/opslag', allowed: ['admin', 'editor', 'partnerA'] },
	{ path: '/admin/partnerskaber', allowed: ['admin', 'editor', 'partnerA'] },
	{ path: '/admin/arrangementer', allowed: ['admin', 'editor', 'partnerA'] },
	{ path: '/admin/uddannelser', allowed: ['admin', 'editor', 'partnerA'] },
	{ path: '/admin/kalendere', allowed: ['admin', 'editor'] },
	{ path: '/admin/godkendelse', allowed: ['admin', 'editor'] },
	{ path: '/admin/indsatser', allowed: ['admin', 'editor', 'council', 'partnerA'] },
	{ path: '/admin/indsatser/ny', allowed: ['admin', 'editor'] },
	{ path: '/admin/indsatser/eksport.csv', allowed: ['admin', 'editor', 'council'] },
	{ path: '/admin/runder', allowed: ['admin', 'editor', 'council', 'partnerA'] },
	{ path: '/admin/rapporter', allowed: ['admin', 'editor', 'council'] },
	{ path: '/en/admin/reports', allowed: ['admin', 'editor', 'council'] },
	{ path: '/admin/log', allowed: ['admin'] },
	{ path: '/admin/post', allowed: ['admin'] },
	{ path: '/admin/sikkerhedskopier', allowed: ['admin'] },
	{ path: '/en/admin/backups', allowed: ['admin'] },
	{ path: '/en/admin/audit', allowed: ['admin'] }
];

/** Write actions with input that succeeds for an allowed role (303) or is refused (403). */
function writes(
	f: Fixture,
	who: Who
): {
	name: string;
	path: string;
	form: Record<string, string>;
	allowed: Who[];
	/** The answer an allowed role gets (303 after a successful form post). */
	status?: number;
}[] {
	const unique = `${who}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
	return [
		{
			name: 'invite a partner',
			path: '/admin/brugere?/invite',
			form: { email: `${unique}@partner.dk`, role: 'partner', organizationId: f.organizations.a },
			allowed: ['admin', 'editor'],
			// No mail server in the tests: the page shows the link to pass on (200).
			status: 200
		},
		{
			name: 'invite an editor',
			path: '/admin/brugere?/invite',
			form: { email: `${unique}-r@aalborg.dk`, role: 'editor' },
			allowed: ['admin'],
			status: 200
		},
		{
			name: 'change a role',
			path: '/admin/brugere?/role',
			form: { userId: f.users.dummy!.id, role: 'council' },
			allowed: ['admin']
		},
		{
			name: 'reset a second factor',
			path: '/admin/brugere?/twoFactor',
			form: { userId: f.users.dummy!.id },
			allowed: ['admin']
		},
		{
			name: 'disable an account',
			path: '/admin/brugere?/disable',
			form: { userId: f.users.dummy!.id, disabled: 'false' },
			allowed: ['admin']
		},
		{
			name: 'propose an offer for organisation A',
			path: '/admin/tilbud',
			form: {
				organizationId: f.organizations.a,
				nameDa: `Forslag ${unique}`,
				descDa: 'Et tilbud til test af rettigheder.'
			},
			allowed: ['admin', 'editor', 'partnerA']
		},
		{
			name: 'propose an offer for organisation B (not partner A’s)',
			path: '/admin/tilbud',
			form: {
				organizationId: f.organizations.b,
				nameDa: `Forslag B ${unique}`,
				descDa: 'Et tilbud til test af rettigheder.'
			},
			allowed: ['admin', 'editor']
		},
		{
			name: 'propose a posting for organisation B (not partner A’s)',
			path: '/admin/opslag',
			form: {
				organizationId: f.organizations.b,
				type: 'frivilligt-arbejde',
				titleDa: `Frivillig ${unique}`,
				descDa: 'Hjælp til stævne.',
				remote: '1',
				pay: 'volunteer',
				applyEmail: 'frivillig@klub.example.dk'
			},
			allowed: ['admin', 'editor']
		},
		{
			name: 'approve a proposal (a guessed id)',
			path: '/admin/godkendelse?/approve',
			form: { id: '00000000-0000-4000-8000-000000000000' },
			allowed: ['admin', 'editor'],
			status: 409
		},
		{
			name: 'change organisation A’s profile (a partner by proposal)',
			path: '/admin/organisationer/aalborg-tekniske-gymnasium',
			form: { descDa: `Om skolen ${unique}`, website: 'https://atg.example.dk' },
			allowed: ['admin', 'editor', 'partnerA']
		},
		{
			name: 'create an initiative',
			path: '/admin/indsatser/ny',
			form: {
				titleDa: `Indsats ${unique}`,
				descDa: 'En indsats til test af rettigheder.',
				action: '1.1',
				ownerId: f.organizations.a,
				lifecycle: 'afsluttet',
				progress: '100'
			},
			allowed: ['admin', 'editor']
		},
		{
			name: 'open a reporting round',
			path: '/admin/runder?/open',
			form: { name: `Runde ${unique}`, deadline: '2030-01-01' },
			allowed: ['admin', 'editor']
		},
		{
			name: 'build a report (a round that does not exist)',
			path: '/admin/rapporter?/build',
			form: { roundId: '00000000-0000-4000-8000-000000000000' },
			allowed: ['admin', 'editor'],
			status: 404
		},
		{
			name: 'import initiatives (a file that is not there)',
			path: '/admin/indsatser?/import',
			form: {},
			allowed: ['admin', 'editor'],
			status: 400
		},
		{
			name: 'take a backup',
			path: '/admin/sikkerhedskopier?/take',
			form: {},
			allowed: ['admin'],
			status: 200
		},
		{
			name: 'create an organisation',
			path: '/admin/organisationer',
			form: { name: `Forening ${unique}`, kind: 'association' },
			allowed: ['admin', 'editor']
		}
	];
}

test.describe('permission matrix over HTTP', () => {
	for (const who of everyone) {
		test(`${who}: reads and writes`, async ({ baseURL }) => {
			const api = await signedIn(baseURL!, who);
			for (const { path, allowed } of reads) {
				const res = await api.get(path, { maxRedirects: 0 });
				if (allowed.includes(who)) expect(res.status(), `${who} GET ${path}`).toBe(200);
				else if (who === 'anonymous') {
					expect(res.status(), `${who} GET ${path}`).toBe(303);
					expect(res.headers().location).toMatch(/\/log-ind\?next=|\/en\/login\?next=/);
				} else if (who === 'pendingEditor') {
					// Until two-factor is set up, every other admin page leads to the account page.
					expect(res.status(), `${who} GET ${path}`).toBe(303);
					expect(res.headers().location).toMatch(/\/admin\/(konto|account)$/);
				} else expect(res.status(), `${who} GET ${path}`).toBe(403);
				expect(res.headers()['cache-control'] ?? '', `${path} is never cached`).toMatch(/no-store/);
			}
			for (const write of writes(fixture(baseURL!), who)) {
				const res = await post(api, baseURL!, write.path, write.form);
				expect(res.status(), `${who}: ${write.name}`).toBe(
					write.allowed.includes(who) ? (write.status ?? 303) : 403
				);
			}
			// A partner's invitation must name one of the organisations the inviter may use: no
			// guessed organisation id for a partner, and the same request without origin is refused.
			await api.dispose();
		});
	}

	test('a partner cannot read or change another organisation’s profile by guessing its address', async ({
		baseURL
	}) => {
		const api = await signedIn(baseURL!, 'partnerA');
		const path = '/admin/organisationer/vejgaard-boldklub';
		expect((await api.get(path, { maxRedirects: 0 })).status()).toBe(404);
		const res = await post(api, baseURL!, path, {
			descDa: 'Overtaget',
			website: 'https://ond.example'
		});
		expect(res.status()).toBe(404);
		await api.dispose();
	});

	test('a partner cannot open or change another organisation’s event by guessing its address', async ({
		baseURL
	}) => {
		const api = await signedIn(baseURL!, 'partnerA');
		// A coming demo event: entered on the site (not read from a calendar), none of partner A's.
		const { items } = (await (await api.get('/api/v1/events')).json()) as {
			items: { slug: string; demo: boolean }[];
		};
		const path = `/admin/arrangementer/${items.find((i) => i.demo)!.slug}`;
		expect((await api.get(path, { maxRedirects: 0 })).status()).toBe(404);
		const res = await post(api, baseURL!, path, { titleDa: 'Overtaget', date: '2027-01-01' });
		expect(res.status()).toBe(404);
		// An editor may open it.
		const editor = await signedIn(baseURL!, 'editor');
		expect((await editor.get(path, { maxRedirects: 0 })).status()).toBe(200);
		await Promise.all([api.dispose(), editor.dispose()]);
	});

	test('a partner sees only their own organisation', async ({ baseURL }) => {
		const api = await signedIn(baseURL!, 'partnerA');
		const page = await api.get('/admin');
		const html = await page.text();
		expect(html).toContain('Aalborg Tekniske Gymnasium');
		expect(html).not.toContain('Vejgaard Boldklub');
		const data = (await (await api.get('/admin/konto/data.json')).json()) as {
			memberships: { organization: string }[];
		};
		expect(data.memberships.map((m) => m.organization)).toEqual(['Aalborg Tekniske Gymnasium']);
		await api.dispose();
	});
});

/**
 * The same path spelled so that a rule on the raw path would miss it, while the router may
 * still serve it: percent-escapes, an escaped slash, mixed case, doubled slashes, a `;`
 * parameter and a trailing dot.
 */
function spellings(path: string): string[] {
	const english = path.startsWith('/en/');
	const rest = english ? path.slice(3) : path;
	const prefix = english ? '/en' : '';
	const variants = [
		rest.replace('/admin', '/%61dmin'),
		rest.replace('/admin', '/%61%64%6D%69%6E'),
		rest.replace('/admin', '/%61DMIN'),
		rest.replace('/admin/', '/admin%2F'),
		rest.replace('/admin/', '/admin%2f'),
		rest.replace('/admin', '/ADMIN'),
		rest.replace('/admin', '/Admin'),
		rest.replace('/admin', '//admin'),
		rest.replace('/admin/', '/admin//'),
		rest.replace('/admin', '/admin;x=1'),
		`${rest};x=1`,
		`${rest}.`,
		rest.replace('/admin', '/admin.'),
		`${rest}/`
	];
	return [...new Set(variants.filter((v) => v !== rest).map((v) => prefix + v))];
}

test.describe('the /admin gate cannot be walked around by spelling the path differently', () => {
	const staffOnly = reads.filter(
		(r) => r.path !== '/admin/konto' && !r.path.startsWith('/admin/konto/')
	);
	for (const who of ['anonymous', 'pendingEditor', 'council', 'partnerA', 'editor'] as Who[]) {
		test(`${who}: every admin page and action under encoded variants`, async ({ baseURL }) => {
			const api = await signedIn(baseURL!, who);
			for (const { path, allowed } of staffOnly) {
				const mayRead = allowed.includes(who);
				for (const variant of spellings(path)) {
					// A full URL: `//admin` alone would be read as a host name.
					const res = await api.get(baseURL + variant, { maxRedirects: 0 });
					const where = `${who} GET ${variant}`;
					expect(res.status(), where).toBeLessThan(500);
					// SvelteKit's own trailing-slash redirect (to the same path without it) comes
					// before any hook and carries nothing private; every other answer is no-store.
					if (res.headers()['x-sveltekit-normalize'] !== '1')
						expect(res.headers()['cache-control'] ?? '', `${where} is never cached`).toMatch(
							/no-store/
						);
					if (!mayRead) expect([303, 307, 308, 403, 404], where).toContain(res.status());
				}
			}
			for (const write of writes(fixture(baseURL!), who)) {
				if (write.allowed.includes(who)) continue;
				const [path, action] = write.path.split('?');
				for (const variant of spellings(path!)) {
					const target = baseURL + (action ? `${variant}?${action}` : variant);
					const res = await post(api, baseURL!, target, write.form);
					// Refused, unknown, or SvelteKit's trailing-slash redirect (no action runs; the
					// redirected post meets the gate).
					const refused = [403, 404, 405].includes(res.status());
					const normalised = res.status() === 308 && res.headers()['x-sveltekit-normalize'] === '1';
					expect(refused || normalised, `${who}: ${write.name} at ${target}: ${res.status()}`).toBe(
						true
					);
				}
			}
			await api.dispose();
		});
	}

	test('a password-only editor reaches the account page and nothing else, whatever the spelling', async ({
		baseURL
	}) => {
		const api = await signedIn(baseURL!, 'pendingEditor');
		expect((await api.get('/admin/konto', { maxRedirects: 0 })).status()).toBe(200);
		for (const path of ['/admin/brugere', '/%61dmin/brugere', '/en/%61dmin/users']) {
			const res = await api.get(path, { maxRedirects: 0 });
			expect(res.status(), path).toBe(303);
			expect(res.headers().location).toMatch(/\/admin\/(konto|account)$/);
		}
		const invite = await post(api, baseURL!, '/%61dmin/brugere?/invite', {
			email: `gate-${Date.now()}@partner.dk`,
			role: 'partner',
			organizationId: fixture(baseURL!).organizations.a
		});
		expect(invite.status()).toBe(403);
		await api.dispose();
	});
});

test('every admin page fits 320, 390 and 1280 px with no text under 12 px, per role, in both languages', async ({
	baseURL,
	browser
}) => {
	test.setTimeout(240_000);
	const problems: string[] = [];
	for (const who of ['admin', 'editor', 'council', 'partnerA'] as const) {
		const api = await signedIn(baseURL!, who);
		const context = await browser.newContext({ storageState: await api.storageState() });
		const page = await context.newPage();
		const paths = reads
			.filter(
				(r) =>
					r.allowed.includes(who) && !/\.(json|csv)$/.test(r.path) && !r.path.startsWith('/en/')
			)
			.map((r) => r.path);
		// An editor's forms for changing a published offer, posting and event, from the API's
		// first demo item of each (partner A's organisation has none of its own in the demo).
		if (who === 'editor') {
			for (const [list, admin] of [
				['offers', 'tilbud'],
				['opportunities', 'opslag'],
				['events', 'arrangementer']
			] as const) {
				const { items } = (await (await api.get(`/api/v1/${list}`)).json()) as {
					items: { slug: string }[];
				};
				paths.push(`/admin/${admin}/${items[0]!.slug}`);
			}
		}
		for (const path of paths) {
			for (const url of [path, alternatePath(path, 'en')]) {
				const response = await page.goto(url);
				expect(response?.status(), `${url} as ${who}`).toBe(200);
				problems.push(...(await layoutProblems(page, `${url} as ${who}`)));
			}
		}
		await context.close();
		await api.dispose();
	}
	expect(problems).toEqual([]);
});

test.describe('attacks on sign-in', () => {
	test('a cross-origin form post is refused (CSRF)', async ({ baseURL }) => {
		const api = await signedIn(baseURL!, 'admin');
		const res = await api.post('/admin/organisationer', {
			form: { name: 'Ondsindet Forening', kind: 'association' },
			headers: { origin: 'https://evil.example', accept: 'text/html' },
			maxRedirects: 0
		});
		expect(res.status()).toBe(403);
		expect(await (await api.get('/admin/organisationer')).text()).not.toContain(
			'Ondsindet Forening'
		);
		await api.dispose();
	});

	test('a cross-site write is refused whatever its content type, with or without a body', async ({
		baseURL
	}) => {
		const api = await signedIn(baseURL!, 'editor');
		const evil = { origin: 'https://evil.example' };
		const attempts: { method: string; headers: Record<string, string>; data?: string }[] = [
			{ method: 'POST', headers: evil },
			{ method: 'POST', headers: { ...evil, 'content-type': 'application/json' }, data: '{}' },
			{
				method: 'PUT',
				headers: { ...evil, 'content-type': 'application/octet-stream' },
				data: 'x'
			},
			{ method: 'DELETE', headers: evil },
			{ method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } },
			// No Origin and no Sec-Fetch-Site, but the victim's cookie.
			{ method: 'POST', headers: {} }
		];
		for (const path of ['/admin/tilbud/lektiecafe/bekraeft', '/admin/brugere?/invite']) {
			for (const attempt of attempts) {
				const res = await api.fetch(path, { ...attempt, maxRedirects: 0 });
				expect(res.status(), `${attempt.method} ${path} ${JSON.stringify(attempt.headers)}`).toBe(
					403
				);
				expect(res.headers()['cache-control']).toMatch(/no-store/);
			}
		}
		await api.dispose();
	});

	test('a TOTP code signs in once: the same code a second time is refused', async ({ baseURL }) => {
		const f = fixture(baseURL!);
		const user = f.users.replayEditor!;
		const code = await unusedTotp(user.totpSecret!);
		const statuses: number[] = [];
		for (let i = 0; i < 2; i++) {
			const api = await request.newContext({ baseURL });
			const first = await post(api, baseURL!, '/log-ind?/login', {
				email: user.email,
				password: f.password
			});
			expect(first.headers().location).toContain('/log-ind/kode');
			statuses.push((await post(api, baseURL!, '/log-ind/kode', { code })).status());
			await api.dispose();
		}
		expect(statuses).toEqual([303, 400]);
	});

	test('the session id changes at sign-in (no fixation)', async ({ baseURL }) => {
		const api = await request.newContext({ baseURL });
		const f = fixture(baseURL!);
		const planted = 'uddannelsesby.session_token=planted-by-attacker.signature';
		const res = await api.post('/log-ind?/login', {
			form: { email: f.users.council!.email, password: f.password },
			headers: { origin: baseURL!, accept: 'text/html', cookie: planted },
			maxRedirects: 0
		});
		expect(res.status()).toBe(303);
		const issued = res.headers()['set-cookie'] ?? '';
		expect(issued).toContain('uddannelsesby.session_token=');
		expect(issued).not.toContain('planted-by-attacker');
		expect(issued.toLowerCase()).toContain('httponly');
		expect(issued.toLowerCase()).toContain('samesite=lax');
		await api.dispose();
	});

	test('the 11th wrong password in a minute is throttled, for real and unknown accounts alike', async ({
		baseURL
	}) => {
		const api = await request.newContext({ baseURL });
		const f = fixture(baseURL!);
		for (const email of [f.users.bruteforce!.email, 'findes-ikke@e2e.aalborg.dk']) {
			for (let i = 1; i <= 10; i++) {
				const res = await post(api, baseURL!, '/log-ind?/login', {
					email,
					password: `forkert-${i}`
				});
				expect(res.status(), `attempt ${i} for ${email}`).toBe(400);
			}
			const eleventh = await post(api, baseURL!, '/log-ind?/login', {
				email,
				password: f.password
			});
			expect(eleventh.status()).toBe(429);
			expect(await eleventh.text()).toContain('For mange forsøg');
		}
		await api.dispose();
	});
});

test('a partner signs up by invitation and proposes an offer; an editor approves it and it is found in public search', async ({
	page,
	baseURL
}) => {
	// The longest flow here: invitation, sign-up, two proposals, review and search.
	test.setTimeout(120_000);
	const f = fixture(baseURL!);
	const admin = f.users.inviter!;
	await page.goto('/log-ind');
	await expectNoAxeViolations(page);
	await page.getByLabel('E-mailadresse').fill(admin.email);
	await page.getByLabel('Adgangskode').fill(f.password);
	await page.getByRole('button', { name: 'Log ind' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bekræft med kode');
	await expectNoAxeViolations(page);
	await page.getByLabel('Kode').fill(await unusedTotp(admin.totpSecret!));
	await page.getByRole('button', { name: 'Bekræft' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Administration');
	await expectNoAxeViolations(page);

	const email = `ny-partner-${Date.now()}@gymnasium.dk`;
	await page.goto('/admin/brugere');
	await expectNoAxeViolations(page);
	await page.getByLabel('E-mailadresse').fill(email);
	await page.locator('#role').selectOption('partner');
	await page.locator('#organizationId').selectOption({ label: 'Aalborg Tekniske Gymnasium' });
	await page.getByRole('button', { name: 'Send invitation' }).click();
	// No mail server in the tests: the inviter is given the link to pass on.
	await expect(page.getByRole('status')).toContainText(email);
	await expect(page.getByRole('status')).toContainText('ingen mailserver');
	await expectNoAxeViolations(page);
	const link = (await page.locator('.invitation-link code').innerText()).trim();
	expect(link).toMatch(/^https?:\/\/\S+\/invitation\/[A-Za-z0-9_-]{43}$/);
	// Each person's role and access are folded into one line of the list until asked for.
	const row = page.locator('tbody tr', { hasText: 'dummy@' });
	await expect(row.getByRole('button', { name: 'Skift rolle' })).toBeHidden();
	await row.getByText('Rolle og adgang').click();
	await expect(row.getByRole('button', { name: 'Skift rolle' })).toBeVisible();
	await expect(row.getByLabel(/^Rolle: dummy/)).toBeVisible();
	await expectNoAxeViolations(page);

	// The outbox keeps the mail, but not a link anyone else could use.
	await page.goto('/admin/post');
	await expectNoAxeViolations(page);
	const mail = page.locator('tr', { hasText: email }).first();
	await mail.locator('summary').click();
	const body = await mail.locator('pre').innerText();
	expect(body).toContain('fjernet / removed');
	expect(body).not.toContain(new URL(link).pathname.split('/').pop()!);
	await page.goto('/admin/log');
	await expectNoAxeViolations(page);
	const invited = page.locator('tr', { hasText: 'invitation.create' }).first();
	await expect(invited).toContainText('Inviterede en bruger');
	// The before/after is folded to one line until asked for.
	await expect(invited.locator('details pre')).toBeHidden();
	await invited.locator('details summary').click();
	await expect(invited.locator('details pre')).toBeVisible();
	await page.getByRole('button', { name: 'Log ud' }).click();

	await page.goto(new URL(link!).pathname);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Opret din konto');
	await expectNoAxeViolations(page);
	await page.getByLabel('Dit navn').fill('Sara Nielsen');
	await page.getByLabel('Adgangskode').fill('kort');
	await page.getByRole('button', { name: 'Opret konto' }).click();
	await expect(page.locator('.form-error-message')).toContainText('mindst 15 tegn');
	await expectNoAxeViolations(page);
	await page.getByLabel('Adgangskode').fill('solsikker langs Hobrovej om sommeren');
	await page.getByRole('button', { name: 'Opret konto' }).click();
	await expect(page.getByRole('status')).toContainText('Din konto er oprettet');
	await page.getByLabel('E-mailadresse').fill(email);
	await page.getByLabel('Adgangskode').fill('solsikker langs Hobrovej om sommeren');
	await page.getByRole('button', { name: 'Log ind' }).click();
	await expect(page.getByText('Du repræsenterer: Aalborg Tekniske Gymnasium.')).toBeVisible();
	await page.goto('/admin/konto');
	await expectNoAxeViolations(page);
	// The link is spent.
	await page.goto(new URL(link!).pathname);
	await expect(page.getByRole('alert')).toContainText('allerede brugt');

	// The new partner proposes an offer; it is not public until an editor approves it.
	const offerName = `Robotværksted ${Date.now()}`;
	await page.goto('/admin/tilbud');
	await expectNoAxeViolations(page);
	await page.getByLabel('Navn på dansk').fill(offerName);
	await page.getByLabel('Beskrivelse på dansk').fill('Byg og programmér robotter hver torsdag.');
	await page.getByLabel('Fritid og idræt').check();
	// A half-filled place is refused with the field named, and the form keeps what was typed.
	await page.getByLabel('Stedets navn').fill('Makerspace på Aalborg Tekniske Gymnasium');
	await page.getByRole('button', { name: 'Send til godkendelse' }).click();
	await expect(page.getByRole('alert')).toContainText('sted');
	await expect(page.getByLabel('Navn på dansk')).toHaveValue(offerName);
	await expectNoAxeViolations(page);
	await page.getByLabel('Fritid og idræt').check();
	await page.getByLabel('Adresse').fill('Testvej 70');
	await page.getByLabel('Postnummer').fill('9220');
	await page.getByLabel('By', { exact: true }).fill('Aalborg Øst');
	await page.getByLabel('torsdag: Åbner').fill('16:00');
	await page.getByLabel('torsdag: Lukker').fill('19:00');
	await page.getByRole('button', { name: 'Send til godkendelse' }).click();
	await expect(page.getByRole('status')).toContainText('sendt til godkendelse');
	await expect(page.locator('li', { hasText: offerName })).toContainText('Afventer godkendelse');
	await expectNoAxeViolations(page);
	// The partner proposes a profile change for their organisation through the same review.
	await page.getByRole('link', { name: 'Ret profil – Aalborg Tekniske Gymnasium' }).click();
	await expectNoAxeViolations(page);
	await page.getByLabel('Om organisationen (dansk)').fill('Teknisk gymnasium med **robotter**.');
	await page.getByRole('button', { name: 'Send til godkendelse' }).click();
	await expect(page.getByRole('status')).toContainText('sendt til godkendelse');
	await expectNoAxeViolations(page);
	await page.goto(`/tilbud?q=${encodeURIComponent('robotværksted')}`);
	await expect(page.locator('#results-heading')).toContainText('0 tilbud');
	await page.getByRole('button', { name: 'Log ud' }).click();

	const editor = f.users.approver!;
	await page.goto('/log-ind');
	await page.getByLabel('E-mailadresse').fill(editor.email);
	await page.getByLabel('Adgangskode').fill(f.password);
	await page.getByRole('button', { name: 'Log ind' }).click();
	await page.getByLabel('Kode').fill(await unusedTotp(editor.totpSecret!));
	await page.getByRole('button', { name: 'Bekræft' }).click();
	await page.goto('/admin/godkendelse');
	await expectNoAxeViolations(page);
	const item = page.locator('section', { hasText: offerName });
	await item.getByRole('button', { name: 'Godkend og offentliggør' }).click();
	await expect(page.getByRole('status')).toContainText('offentliggjort');
	await page
		.locator('section', { hasText: 'Teknisk gymnasium med **robotter**' })
		.getByRole('button', { name: 'Godkend og offentliggør' })
		.click();
	await expect(page.getByRole('status')).toContainText('offentliggjort');
	await page.getByRole('button', { name: 'Log ud' }).click();

	// The server's caches refresh within a second of a change anywhere; a browser may keep a
	// public page for its max-age (60 s), so each try asks with a fresh URL.
	await expect(async () => {
		await page.goto(`/tilbud?q=${encodeURIComponent('robotværksted')}&try=${Date.now()}`);
		await expect(page.locator('.offer-list h3').first()).toContainText(offerName, { timeout: 500 });
	}).toPass({ timeout: 10_000 });
	await expectNoAxeViolations(page);
	await page.locator('.offer-list h3 a').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(offerName);
	await expect(page.locator('dd address')).toContainText('Testvej 70');
	await expect(page.locator('dd', { hasText: 'torsdag: 16.00–19.00' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Om Aalborg Tekniske Gymnasium' }).click();
	await expect(page.locator('.prose strong')).toHaveText('robotter');
	await expect(page.getByRole('link', { name: offerName })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('an editor uploads indicator data: a bad file is rejected whole, a good one previewed and imported', async ({
	page,
	baseURL
}) => {
	const f = fixture(baseURL!);
	const editor = f.users.uploader!;
	await page.goto('/en/login');
	await page.getByLabel('E-mail address').fill(editor.email);
	await page.getByLabel('Password').fill(f.password);
	await page.getByRole('button', { name: 'Log in' }).click();
	await page.getByLabel('Code').fill(await unusedTotp(editor.totpSecret!));
	await page.getByRole('button', { name: 'Confirm' }).click();
	await page.goto('/admin/indikatorer');
	await expectNoAxeViolations(page);
	await page.locator('#indicator').selectOption('frafald');
	await page.locator('#file').setInputFiles({
		name: 'frafald.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('periode;område;værdi\n2024;851;12,5\n2025;851;=1+1\n', 'utf8')
	});
	await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
	const rejected = page.getByRole('alert').filter({ hasText: 'Filen er afvist' });
	await expect(rejected).toContainText('række 3, kolonne "værdi": "=1+1" er ikke et tal');
	await expectNoAxeViolations(page);

	await page.locator('#indicator').selectOption('frafald');
	await page.locator('#file').setInputFiles({
		name: 'frafald.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('periode;område;værdi\n2024;851;12,5\n2025;851;11,9\n', 'utf8')
	});
	await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
	await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('Forhåndsvisning');
	// A few rows of each change, areas by name: the two new values replace the demo data.
	const samples = page.getByRole('table', { name: 'Eksempler på ændringerne' });
	await expect(samples.locator('tbody tr').first()).toContainText('Tilføjes2024Aalborg Kommune');
	await expect(samples).toContainText('Fjernes');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Importér' }).click();
	await expect(page.locator('.alert-success')).toContainText('Importen er gennemført');
	await page.goto('/indikatorer/frafald');
	await expect(page.getByRole('cell', { name: '11,9' }).first()).toBeVisible();

	// Every municipality's figures: the indicator page lists the chosen areas and leads to all.
	const codes = ['851', '000', ...Array.from({ length: 30 }, (_, i) => String(101 + i * 7))];
	await page.goto('/admin/indikatorer');
	await page.locator('#indicator').selectOption('i-uddannelse');
	await page.locator('#file').setInputFiles({
		name: 'i-uddannelse.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			['periode;område;værdi', ...codes.map((geo, i) => `2025;${geo};${60 + i},5`)].join('\n'),
			'utf8'
		)
	});
	await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
	await page.getByRole('button', { name: 'Importér' }).click();
	await expect(page.locator('.alert-success')).toContainText('Importen er gennemført');
	await page.goto('/indikatorer/i-uddannelse?gruppe=ingen');
	await expect(page.locator('input[name=geo]')).toHaveCount(1); // the whole country, chosen
	await page.getByRole('link', { name: 'Vælg blandt alle 31 områder' }).click();
	await expect(page.locator('input[name=geo]')).toHaveCount(31);
	await page.getByRole('checkbox', { name: 'Kommune 115' }).check();
	await page.getByRole('button', { name: 'Vis på indikatorsiden' }).click();
	await expect(page).toHaveURL(/\?gruppe=ingen&geo=000&geo=115$/);
	await expect(page.locator('table thead th')).toHaveText([
		'Periode',
		'Aalborg Kommune',
		'Hele landet',
		'Kommune 115'
	]);
	await expectNoAxeViolations(page);
});

test('a partner proposes a change to a published offer; the public page changes only after approval', async ({
	page,
	baseURL
}) => {
	const f = fixture(baseURL!);
	const name = `Kodeklub ${Date.now()}`;
	const partner = await signedIn(baseURL!, 'partnerA');
	const editor = await signedIn(baseURL!, 'editor');
	const proposed = await post(partner, baseURL!, '/admin/tilbud', {
		organizationId: f.organizations.a,
		nameDa: name,
		descDa: 'Programmering for begyndere hver mandag.'
	});
	expect(proposed.status()).toBe(303);
	const queue = await (await editor.get('/admin/godkendelse')).text();
	const id = new RegExp(`aria-labelledby="sub-([0-9a-f-]{36})"[^>]*>\\s*<h2[^>]*>${name}`).exec(
		queue
	)?.[1];
	expect(id, 'the proposal is in the editors’ queue').toBeTruthy();
	expect((await post(editor, baseURL!, '/admin/godkendelse?/approve', { id: id! })).status()).toBe(
		303
	);

	await page.goto('/log-ind');
	await page.getByLabel('E-mailadresse').fill(f.users.partnerA!.email);
	await page.getByLabel('Adgangskode').fill(f.password);
	await page.getByRole('button', { name: 'Log ind' }).click();
	await page.goto('/admin/tilbud');
	await page.getByRole('link', { name: `Foreslå en ændring: ${name}` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
	await expectNoAxeViolations(page);
	await page
		.getByLabel('Beskrivelse på dansk')
		.fill('Programmering for begyndere mandag og onsdag.');
	await page.getByRole('button', { name: 'Send til godkendelse' }).click();
	await expect(page.getByRole('status')).toContainText('sendt til godkendelse');

	const slug = (await page
		.locator('li', { hasText: name })
		.locator('a')
		.first()
		.getAttribute('href'))!;
	const publicPage = await (await page.request.get(slug)).text();
	expect(publicPage).toContain('hver mandag');
	const queue2 = await (await editor.get('/admin/godkendelse')).text();
	const id2 = new RegExp(`aria-labelledby="sub-([0-9a-f-]{36})"[^>]*>\\s*<h2[^>]*>${name}`).exec(
		queue2
	)?.[1];
	// Field by field under its Danish name, the changed words marked: "hver" gone, "og onsdag" new.
	const section = new RegExp(`<section[^>]*sub-${id2}[\\s\\S]*?</section>`).exec(queue2)?.[0] ?? '';
	expect(section).toMatch(/<th scope="row">Beskrivelse<\/th>/);
	expect(section).toMatch(/<del>hver ?<\/del>/);
	expect(section).toMatch(/<ins>[^<]*onsdag[^<]*<\/ins>/);
	expect(section).not.toContain('descDa');
	expect((await post(editor, baseURL!, '/admin/godkendelse?/approve', { id: id2! })).status()).toBe(
		303
	);
	await expect(async () => {
		await page.goto(`${slug}?try=${Date.now()}`);
		await expect(page.locator('.prose')).toContainText('mandag og onsdag', { timeout: 500 });
	}).toPass({ timeout: 10_000 });
	await partner.dispose();
	await editor.dispose();
});

test('an employer posts a læreplads; after approval students find it, and a posting past its deadline is gone', async ({
	page,
	baseURL
}) => {
	const f = fixture(baseURL!);
	const editor = await signedIn(baseURL!, 'editor');
	const title = `Elev som smed ${Date.now()}`;
	await page.goto('/log-ind');
	await page.getByLabel('E-mailadresse').fill(f.users.partnerA!.email);
	await page.getByLabel('Adgangskode').fill(f.password);
	await page.getByRole('button', { name: 'Log ind' }).click();
	await page.goto('/admin/opslag');
	await expectNoAxeViolations(page);
	await page.locator('#type').selectOption('laereplads');
	await page.getByLabel('Titel på dansk').fill(title);
	await page.getByLabel('Beskrivelse på dansk').fill('Læreplads i vores værksted.');
	await page.getByLabel('Adresse').fill('Struervej 70');
	await page.getByLabel('Postnummer').fill('9220');
	await page.getByLabel('By', { exact: true }).fill('Aalborg Øst');
	await page.getByRole('button', { name: 'Send til godkendelse' }).click();
	// Every rule the posting breaks is named in Danish; nothing is sent.
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('skriv, hvordan man søger');
	await expect(alert).toContainText('en læreplads skal nævne uddannelsen');
	await expectNoAxeViolations(page);
	await page.getByLabel('Uddannelse (for en læreplads)').fill('Smed');
	await page.getByLabel('E-mail til ansøgninger').fill('job@atg.example.dk');
	const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
	await page.getByLabel('Ansøgningsfrist (valgfri)').fill(inAMonth);
	await page.getByRole('button', { name: 'Send til godkendelse' }).click();
	await expect(page.getByRole('status')).toContainText('sendt til godkendelse');

	// A second posting whose deadline has already passed.
	const late = await post(await signedIn(baseURL!, 'partnerA'), baseURL!, '/admin/opslag', {
		organizationId: f.organizations.a,
		type: 'praktikplads',
		titleDa: `Praktik med udløbet frist ${Date.now()}`,
		descDa: 'Praktik.',
		address: 'Struervej 70',
		postalCode: '9220',
		city: 'Aalborg Øst',
		pay: 'unpaid',
		applyEmail: 'job@atg.example.dk',
		deadline: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)
	});
	expect(late.status()).toBe(303);
	const queue = await (await editor.get('/admin/godkendelse')).text();
	for (const name of [title, 'Praktik med udløbet frist']) {
		const id = new RegExp(`aria-labelledby="sub-([0-9a-f-]{36})"[^>]*>\\s*<h2[^>]*>${name}`).exec(
			queue
		)?.[1];
		expect(id, `${name} is in the editors’ queue`).toBeTruthy();
		expect(
			(await post(editor, baseURL!, '/admin/godkendelse?/approve', { id: id! })).status()
		).toBe(303);
	}

	await page.goto(`/job?q=smed&type=laereplads&try=${Date.now()}`);
	await expect(page.locator('.offer-list h3').first()).toContainText(title);
	await expectNoAxeViolations(page);
	await page.goto(`/job?q=${encodeURIComponent('udløbet frist')}&try=${Date.now()}`);
	await expect(page.locator('#results-heading')).toContainText('0 opslag');
	// The partner's archive keeps the closed posting.
	await page.goto('/admin/opslag');
	const archived = page
		.locator('li', { hasText: 'Praktik med udløbet frist' })
		.filter({ hasText: 'Ret eller forny' });
	await expect(archived).toContainText('Lukket');
	await archived.getByRole('link').first().click();
	await expect(page.getByRole('status')).toContainText('Ansøgningsfristen er udløbet');
});

test('a student saves a job search: nothing is mailed until the link confirms it, and one click unsubscribes', async ({
	page,
	baseURL
}) => {
	const email = `elev-${Date.now()}@example.dk`;
	await page.goto('/job?type=laereplads&field=teknik');
	await page.getByLabel('Din e-mailadresse').fill('ikke en adresse');
	await page.getByRole('button', { name: 'Bestil mails' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv en gyldig e-mailadresse');
	await expectNoAxeViolations(page);
	await page.getByLabel('Din e-mailadresse').fill(email);
	await page.getByRole('button', { name: 'Bestil mails' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tjek din indbakke');
	await expectNoAxeViolations(page);

	const admin = await signedIn(baseURL!, 'admin');
	const outbox = await (await admin.get('/admin/post')).text();
	const confirm = new RegExp(`${email}[\\s\\S]*?(/job/besked/bekraeft\\?t=[A-Za-z0-9_-]{43})`).exec(
		outbox
	)?.[1];
	expect(confirm, 'the confirmation mail is in the outbox').toBeTruthy();

	// A forged cross-site post cannot confirm for someone else: the CSRF rule still holds here.
	const anonymous = await signedIn(baseURL!, 'anonymous');
	const forged = await anonymous.post(confirm!, {
		headers: {
			origin: 'https://evil.example',
			'content-type': 'application/x-www-form-urlencoded'
		},
		data: '',
		maxRedirects: 0
	});
	expect(forged.status()).toBe(403);

	await page.goto(confirm!);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bekræft mails om nye opslag');
	await expect(page.locator('main')).toContainText('Læreplads');
	await expectNoAxeViolations(page);
	// The mailed link's token survives the language switch, both ways.
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Confirm e-mails about new postings'
	);
	await page.getByRole('link', { name: 'Dansk' }).click();
	await page.getByRole('button', { name: 'Ja, send mig mails' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Du får nu besked om nye opslag'
	);
	await expectNoAxeViolations(page);
	const unsubscribe = await page.getByRole('link', { name: /Afmeld/ }).getAttribute('href');
	await page.goto(confirm!);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Linket virker ikke længere');

	// RFC 8058: a mail provider posts "List-Unsubscribe=One-Click" without an Origin header.
	const oneClick = await anonymous.post(unsubscribe!, {
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		data: 'List-Unsubscribe=One-Click',
		maxRedirects: 0
	});
	expect(oneClick.status()).toBe(200);
	await page.goto(unsubscribe!);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Linket virker ikke længere');
	await expectNoAxeViolations(page);
	// The English pages of the same flow.
	await page.goto('/en/jobs/alert');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your inbox');
});

test('an administrator takes a backup, downloads it, and the audit log and /readyz show it', async ({
	page,
	baseURL
}) => {
	const api = await signedIn(baseURL!, 'admin');
	await page.context().addCookies((await api.storageState()).cookies);
	await page.goto('/admin/sikkerhedskopier');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Tag en sikkerhedskopi nu' }).click();
	await expect(page.getByRole('status')).toContainText(
		/Sikkerhedskopien er taget: uddannelsesby-\d{8}-\d{6}\.backup\.gz\./
	);
	await expect(page.getByText(/gennemført, [\d.]+ rækker/)).toBeVisible();
	await expectNoAxeViolations(page);
	const link = page.getByRole('link', { name: /^Hent sikkerhedskopien fra / }).first();
	const href = await link.getAttribute('href');
	expect(href).toMatch(/^\/admin\/sikkerhedskopier\/uddannelsesby-\d{8}-\d{6}\.backup\.gz$/);
	const file = await api.get(href!);
	expect(file.status()).toBe(200);
	expect(file.headers()['content-type']).toBe('application/gzip');
	const bytes = await file.body();
	expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
	const manifest = JSON.parse(gunzipSync(bytes).toString('utf8').split('\n')[0]!) as {
		format: string;
		tables: { name: string; rows: number }[];
	};
	expect(manifest.format).toBe('uddannelsesby-backup');
	expect(manifest.tables.find((t) => t.name === 'strategies')?.rows).toBeGreaterThan(0);
	// No other file in the folder can be fetched by name.
	expect((await api.get('/admin/sikkerhedskopier/..%2F..%2Fpackage.json')).status()).toBe(404);
	expect((await api.get('/admin/sikkerhedskopier/pgdata')).status()).toBe(404);
	const audit = await (await api.get('/admin/log')).text();
	expect(audit).toContain('Tog en sikkerhedskopi');
	expect(audit).toContain('Hentede en sikkerhedskopi');
	await page.goto('/admin');
	await expect(page.getByText(/^Seneste sikkerhedskopi: /)).toBeVisible();
	const ready = (await (await api.get('/readyz')).json()) as { backup?: { ok: boolean } };
	expect(ready.backup?.ok).toBe(true);
	const editor = await signedIn(baseURL!, 'editor');
	expect((await editor.get(href!, { maxRedirects: 0 })).status()).toBe(403);
	await editor.dispose();
	await api.dispose();
});

test('a partner’s partnership and posting pages pass axe', async ({ page, baseURL }) => {
	const f = fixture(baseURL!);
	await page.goto('/log-ind');
	await page.getByLabel('E-mailadresse').fill(f.users.partnerA!.email);
	await page.getByLabel('Adgangskode').fill(f.password);
	await page.getByRole('button', { name: 'Log ind' }).click();
	for (const path of ['/admin/partnerskaber', '/admin/opslag', '/en/admin/partnerships']) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectNoAxeViolations(page);
	}
	// A proposal sent back (no title) keeps the boxes that were ticked.
	await page.goto('/admin/partnerskaber');
	await page.getByLabel('Projekter').check();
	await page.getByLabel('Aalborg Katedralskole').check();
	await page.getByRole('button', { name: 'Send til godkendelse' }).click();
	await expect(page.getByRole('alert')).toContainText('Titel på dansk');
	await expect(page.getByLabel('Projekter')).toBeChecked();
	await expect(page.getByLabel('Aalborg Katedralskole')).toBeChecked();
	await expect(page.getByLabel('Case-baseret undervisning')).not.toBeChecked();
	// The partners are every organisation in the directory: a field narrows them by name, and a
	// ticked one that is hidden is still sent.
	const find = page.getByLabel('Find en organisation');
	await find.fill('katedral');
	await expect(page.getByRole('status')).toHaveText('1 organisation vises');
	await expect(page.getByLabel('Hasseris Gymnasium')).toBeHidden();
	await find.fill('hasseris');
	await expect(page.getByLabel('Aalborg Katedralskole')).toBeHidden();
	await expectNoAxeViolations(page);
	await page.getByLabel('Titel på dansk').fill('Fælles projektuge');
	await page.getByLabel('Beskrivelse på dansk').fill('Elever fra to skoler arbejder sammen.');
	await page.getByRole('button', { name: 'Send til godkendelse' }).click();
	await expect(page.getByText('Fælles projektuge')).toBeVisible();
	// The posting form offers the municipality's education fields and levels.
	await page.goto('/admin/opslag');
	await expect(
		page.getByRole('group', { name: 'Uddannelsesområder, opslaget passer til' })
	).toContainText('IT og digitalisering');
});

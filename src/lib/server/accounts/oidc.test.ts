import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { outboxMailer } from '../mail/index.ts';
import { acceptInvitation, inviteUser, SYSTEM_ACTOR, type Auth } from './index.ts';
import { testAuth, TEST_BASE_URL, tokenOf } from './testing.ts';

// Single sign-on against a real OpenID provider (oidc-provider) on a local port: authorization
// code with PKCE, state and nonce, the ID token's signature, issuer and audience checked.
const BASE = TEST_BASE_URL;
const CLIENT = { id: 'uddannelsesby', secret: 'a-client-secret-for-the-test-provider' };
const people: Record<string, { email: string; email_verified: boolean; name: string }> = {
	'lærer-1': { email: 'lone.larsen@skole.aalborg.dk', email_verified: true, name: 'Lone Larsen' },
	'ukendt-2': { email: 'ny@skole.aalborg.dk', email_verified: true, name: 'Ny Person' },
	'uverificeret-3': {
		email: 'lone.larsen@skole.aalborg.dk',
		email_verified: false,
		name: 'Falsk Lone'
	}
};

let server: Server;
let issuer: string;

beforeAll(async () => {
	server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: CLIENT.id,
				client_secret: CLIENT.secret,
				redirect_uris: [`${BASE}/api/auth/callback/skole`],
				grant_types: ['authorization_code'],
				response_types: ['code']
			}
		],
		claims: { email: ['email', 'email_verified'], profile: ['name'] },
		pkce: { required: () => true },
		async findAccount(_ctx, id) {
			const person = people[id];
			if (!person) return undefined;
			return { accountId: id, claims: async () => ({ sub: id, ...person }) };
		}
	});
	provider.proxy = true;
	server.on('request', provider.callback());
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});

/** A browser's cookie jar, enough for two origins and Path=/ cookies. */
class Jar {
	private cookies = new Map<string, string>();
	take(response: Response) {
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const [name, ...value] = pair!.split('=');
			this.cookies.set(name!.trim(), value.join('='));
		}
	}
	header(): string {
		return [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
	}
}

/** Logs in at the provider as `accountId`, consents, and returns our callback URL. */
async function throughProvider(authorizationUrl: string, accountId: string): Promise<string> {
	const jar = new Jar();
	let url = authorizationUrl;
	for (let step = 0; step < 12; step++) {
		if (url.startsWith(`${BASE}/`)) return url;
		const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
		jar.take(res);
		const location = res.headers.get('location');
		if (location) {
			url = new URL(location, url).toString();
			continue;
		}
		const html = await res.text();
		const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
		const action = /action="([^"]+)"/.exec(html)?.[1];
		if (!prompt || !action) throw new Error(`unexpected provider page: ${html.slice(0, 300)}`);
		const body = new URLSearchParams({
			prompt,
			...(prompt === 'login' ? { login: accountId, password: 'x' } : {})
		});
		const submitted = await fetch(new URL(action, url), {
			method: 'POST',
			redirect: 'manual',
			headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
			body
		});
		jar.take(submitted);
		url = new URL(submitted.headers.get('location')!, url).toString();
	}
	throw new Error('the provider did not send the browser back');
}

describe.each(testEngines())('OpenID Connect sign-in on $name', (engine) => {
	let database: Database;
	let auth: Auth;
	beforeEach(async () => {
		database = await engine.open();
		auth = await testAuth(database.db, [
			{
				id: 'skole',
				name: 'Unilogin (test)',
				issuer,
				clientId: CLIENT.id,
				clientSecret: CLIENT.secret
			}
		]);
		const { url } = await inviteUser(
			database.db,
			outboxMailer,
			SYSTEM_ACTOR,
			{ email: 'lone.larsen@skole.aalborg.dk', role: 'council' },
			BASE
		);
		const context = await auth.$context;
		await acceptInvitation(database.db, (p) => context.password.hash(p), tokenOf(url), {
			name: 'Lone Larsen',
			password: 'grøn cykel ved Limfjorden'
		});
	});
	afterEach(async () => {
		await database.close();
	});

	async function signInAs(accountId: string) {
		const { headers, response } = await auth.api.signInSocial({
			body: {
				provider: 'skole',
				callbackURL: '/admin',
				errorCallbackURL: '/log-ind?sso-fejl=1',
				disableRedirect: true
			},
			returnHeaders: true
		});
		const authorization = new URL(response.url!);
		expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
		expect(authorization.searchParams.get('state')).toBeTruthy();
		expect(authorization.searchParams.get('nonce')).toBeTruthy();
		const ours = new Jar();
		for (const c of headers.getSetCookie())
			ours.take(new Response(null, { headers: [['set-cookie', c]] }));
		const callback = await throughProvider(response.url!, accountId);
		const done = await auth.handler(new Request(callback, { headers: { cookie: ours.header() } }));
		ours.take(done);
		const session = await auth.api.getSession({ headers: new Headers({ cookie: ours.header() }) });
		return { location: done.headers.get('location'), session };
	}

	it('signs an existing user in by their verified e-mail address', async () => {
		const { location, session } = await signInAs('lærer-1');
		expect(location).toBe('/admin');
		expect(session?.user.email).toBe('lone.larsen@skole.aalborg.dk');
	});

	it('does not create accounts for people who were never invited', async () => {
		const { location, session } = await signInAs('ukendt-2');
		expect(location).toContain('sso-fejl=1');
		expect(session).toBeNull();
	});

	it('does not take over an account with an unverified e-mail address', async () => {
		const { location, session } = await signInAs('uverificeret-3');
		expect(location).toContain('sso-fejl=1');
		expect(session).toBeNull();
	});

	it('sends a stale or forged sign-on answer to our sign-in page, not a JSON error', async () => {
		const response = await auth.handler(
			new Request(`${BASE}/api/auth/callback/skole?state=forældet&code=abc`)
		);
		expect(response.status).toBe(302);
		const location = new URL(response.headers.get('location')!, BASE);
		expect(location.pathname).toBe('/log-ind');
		expect(location.searchParams.has('sso-fejl')).toBe(true);
	});
});

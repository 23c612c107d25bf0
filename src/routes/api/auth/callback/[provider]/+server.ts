import { appAuth } from '$lib/server/app.ts';
import type { RequestHandler } from './$types';

// The one better-auth endpoint reached over HTTP: where an OpenID provider sends the browser
// back (authorization code flow with PKCE, state and nonce, checked by better-auth). Sign-in
// itself starts from the /log-ind form.
const callback: RequestHandler = ({ request }) => appAuth().auth.handler(request);

export const GET = callback;

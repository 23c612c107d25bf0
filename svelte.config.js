import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		// dkfds exports only its JavaScript; its CSS, fonts and icons are reached by path.
		alias: { $dkfds: 'node_modules/dkfds/dist' },
		// The cross-site check is done in hooks.server.ts (`crossSiteRequest`) for every method but
		// GET and HEAD, whatever the content type (SvelteKit's looks at form types only), with one
		// exception: the one-click unsubscribe link of alert mails (RFC 8058), which mail
		// providers post without an Origin header. Do not remove one without the other.
		csrf: { trustedOrigins: ['*'] }
	}
};

export default config;

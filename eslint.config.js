import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		// No rule here needs type information (svelte-check checks the types), so the parser is
		// given no TypeScript program: building one took lint from 7 s to 28 s.
		languageOptions: {
			parserOptions: {
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// Internal links come from localizedPath() (Danish and English URLs for one route); the
			// site is served from the root, so there is no paths.base for resolve() to add.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	// Module boundaries (see README): routes reach a domain only through its index.ts (the web
	// layer in http/ is theirs to use), and domains reach each other the same way. A schema.ts
	// may name another module's tables for its foreign keys. Tests may reach inside.
	{
		files: ['src/routes/**/*.ts', 'src/routes/**/*.svelte', 'src/hooks.server.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/server/*/*', '!$lib/server/*/index.ts', '!$lib/server/http/*'],
							message: 'Import a domain through its index.ts.'
						}
					]
				}
			]
		}
	},
	{
		// Inside each module; the files at src/lib/server/ itself (app, bootstrap, tasks) compose
		// modules, through their index.ts too.
		files: ['src/lib/server/*/**/*.ts'],
		ignores: ['**/*.test.ts', 'src/lib/server/*/schema.ts', 'src/lib/server/db/testing.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['../*/*', '!../*/index.ts', '!../../**'],
							message: 'Import another module through its index.ts.'
						}
					]
				}
			]
		}
	},
	{
		ignores: [
			'build/',
			// Git-ignored scratch work is nobody's code.
			'.scratch/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'node_modules/',
			'data/',
			'test-results/',
			'playwright-report/'
		]
	}
);

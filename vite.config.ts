import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { youngGeneration } from './scripts/vite-young-generation.js';

// Only when testing: the build need not load Vitest.
const sequencer = process.env.VITEST
	? (await import('./tests/support/slow-first.ts')).SlowFirst
	: undefined;

export default defineConfig({
	plugins: [
		// A few lines of Svelte's and SvelteKit's server code, so a page does not outlive its
		// request under Node 20 (see the file).
		youngGeneration(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['url', 'baseLocale']
		}),
		sveltekit()
	],
	server: { port: 3000 },
	test: {
		include: [
			'src/**/*.test.ts',
			'cli/**/*.test.ts',
			'scripts/**/*.test.ts',
			'tests/support/**/*.test.ts'
		],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// Most suites wait on PostgreSQL or PGlite's thread, so three workers beat the default of
		// one per spare core on two cores: 270 s → 195 s. Six were slower and timed a test out.
		maxWorkers: 3,
		// Test files in one worker share their modules instead of importing the app afresh each
		// (imports took 96 s of the suite's time; the suite 300 s → 225 s). So no test may rely on
		// being alone in its process: process-wide counters are compared before and after.
		isolate: false,
		sequence: { sequencer },
		globalSetup: ['tests/support/scratch-root.ts']
	}
});

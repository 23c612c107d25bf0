#!/usr/bin/env node
// The `uddannelsesby` command. The domain modules are TypeScript: the command runs them from
// the bundle the build makes (cli/bundle.js) while it matches the sources, else through tsx,
// so the CLI needs no build of its own and an edit is never run stale.
import { freshBundle } from './bundle.js';

const bundle = freshBundle();
const { main } = bundle
	? await import(bundle)
	: await (await import('tsx/esm/api')).tsImport('./main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));

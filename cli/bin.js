#!/usr/bin/env node
// The `uddannelsesby` command. The domain modules are TypeScript; tsx runs them directly so the
// CLI needs no separate build.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('./main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));

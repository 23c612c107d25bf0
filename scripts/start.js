#!/usr/bin/env node
// `npm start`: the newcomer's one command. Checks the configuration and the port, builds the
// site if the sources changed since the last build, then serves it as `npm run start:prod`
// does (scripts/serve.js).
process.env.UDDANNELSESBY_BUILD_IF_NEEDED = '1';
await import('./serve.js');

export {};

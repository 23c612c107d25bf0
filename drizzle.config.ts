import { defineConfig } from 'drizzle-kit';

// Each domain module owns its tables in its own schema.ts; drizzle-kit reads them all.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/*/schema.ts',
	out: './migrations'
});

import { defineConfig } from 'drizzle-kit';

// Tables live in schema.ts and in one `*-schema.ts` file per area. Migrations after 0000 are written by
// hand (FTS5 and the like are raw SQL anyway); the runtime's tests apply every file in ./migrations.
export default defineConfig({
  dialect: 'sqlite',
  schema: ['./src/schema.ts', './src/*-schema.ts'],
  out: './migrations',
});

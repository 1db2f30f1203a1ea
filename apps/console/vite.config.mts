import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// The staff console, built into static files that the api serves at /console (no CDN, no outside fonts).
// JSX is compiled by Vite's own transform (tsconfig: "jsx": "react-jsx"); no React plugin is needed for a build.
export default defineConfig({
  root: here,
  base: '/console/',
  build: {
    outDir: `${here}../../dist/console`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Mantine marks its modules "use client" (for React Server Components); meaningless in a static bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  resolve: {
    alias: { '@loa/column-aliases': `${here}../../libs/subscribers/src/import/column-aliases.ts` },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/dashboard': 'http://127.0.0.1:3000' } },
});

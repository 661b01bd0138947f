import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Paths from this file's URL (no Node built-ins: this folder is linted as browser code).
const pathOf = (relative: string) => decodeURIComponent(new URL(relative, import.meta.url).pathname);

// The runtime server serves out/runtime-client/index.html at /{org}/{app}/, so assets are relative ('./').
export default defineConfig({
  root: pathOf('.'),
  base: './',
  plugins: [react()],
  build: { outDir: pathOf('../../out/runtime-client'), emptyOutDir: true },
});

import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Component tests of the web app: `npx vitest run --config apps/web/vitest.config.ts`.
const root = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root,
  plugins: [react()],
  test: { include: ['src/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
});

// Entry of the import's piscina worker when running from source (tsx, vitest): load the
// TypeScript worker through tsx. The server bundle ships its own compiled import-worker.mjs
// beside main.mjs (scripts/build-server.mjs), so this file is never used there.
import { tsImport } from 'tsx/esm/api';

const mod = await tsImport('./stage-worker.ts', import.meta.url);
export default mod.default.default ?? mod.default;

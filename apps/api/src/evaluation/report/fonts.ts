/**
 * The embedded DejaVu fonts (ARCHITECTURE.md: a bundled TTF for non-Latin text). Resolved at run
 * time through the `dejavu-fonts-ttf` package, so the esbuild server bundle (apps/api/dist) finds
 * them in node_modules just as the sources do. Registered once per process.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { reportDeps } from './deps';

export const FONT = 'DejaVu';
export const MONO = 'DejaVuMono';

let registered = false;

export function fontDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

export function registerFonts(): void {
  if (registered) return;
  const { Font } = reportDeps().pdf;
  const dir = fontDir();
  Font.register({
    family: FONT,
    fonts: [
      { src: join(dir, 'DejaVuSans.ttf') },
      { src: join(dir, 'DejaVuSans-Bold.ttf'), fontWeight: 'bold' },
      { src: join(dir, 'DejaVuSans-Oblique.ttf'), fontStyle: 'italic' },
    ],
  });
  Font.register({ family: MONO, src: join(dir, 'DejaVuSansMono.ttf') });
  // Never hyphenate: hashes, codes and area keys must come out of the PDF exactly as they went in.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

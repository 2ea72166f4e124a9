/**
 * Renders the add-in's icons from the SVG sources in assets/ to the PNGs the manifest points to,
 * with headless Chromium: `npx tsx test/addin/render-icons.ts`. The PNGs are committed; run this
 * again only after changing an SVG. The 16-pixel icon has its own drawing on the 16-pixel grid (as
 * Fluent icons do): the 32-pixel one scaled down blurs the star.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withChromium } from './chromium';

const ASSETS = path.resolve(__dirname, '../../assets');

/** PNG file → [SVG source, pixel size]. */
export const ICONS: Record<string, [string, number]> = {
  'icon-16.png': ['icon-16.svg', 16],
  'icon-32.png': ['icon.svg', 32],
  'icon-64.png': ['icon.svg', 64],
  'icon-80.png': ['icon.svg', 80],
  'logo-128.png': ['icon.svg', 128],
};

async function main() {
  await withChromium(async (context) => {
    const page = await context.newPage();
    for (const [png, [svg, size]] of Object.entries(ICONS)) {
      const source = readFileSync(path.join(ASSETS, svg), 'utf8').replace(
        /width="\d+" height="\d+"/,
        `width="${size}" height="${size}"`,
      );
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">${source}</body></html>`,
      );
      const bytes = await page.locator('svg').screenshot({ omitBackground: true });
      writeFileSync(path.join(ASSETS, png), bytes);
      console.log(`${png}: ${size}×${size}, ${bytes.length} bytes`);
    }
  });
}

if (require.main === module)
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });

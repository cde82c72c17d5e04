// Renders media/icon.svg to media/icon.png (128x128; the Marketplace needs a PNG icon) with the same
// headless Chromium the UI tests use. Run it after changing the SVG: node scripts/e2e/render-icon.js
const fs = require('fs');
const path = require('path');
const { launch } = require('./common');

(async () => {
  const media = path.join(__dirname, '..', '..', 'media');
  const svg = fs.readFileSync(path.join(media, 'icon.svg'), 'utf8');
  const { page, close } = await launch({ width: 128, height: 128 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(media, 'icon.png'), omitBackground: true });
  await close();
  console.log('wrote media/icon.png');
})().catch((error) => {
  console.error(error);
  process.exit(1);
});

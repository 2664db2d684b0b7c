// The first page's JavaScript budget: what index.html loads before anything else (the entry script
// and every module it preloads), gzipped, must stay under 250 KB. Route chunks load later and do not
// count. Runs at the end of `npm run build` and fails it when the budget is broken.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetBytes = 250 * 1024;
const dist = join(import.meta.dirname, '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const scripts = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)]
  .map((m) => m[1]);
if (scripts.length === 0) {
  console.error('check-budget: index.html loads no module script; is this the built dist/?');
  process.exit(1);
}

let total = 0;
for (const src of new Set(scripts)) {
  const size = gzipSync(readFileSync(join(dist, src.replace(/^\//, '')))).length;
  total += size;
  console.log(`check-budget: ${src} ${(size / 1024).toFixed(1)} KB gzipped`);
}
console.log(`check-budget: first page JavaScript ${(total / 1024).toFixed(1)} KB gzipped (budget ${budgetBytes / 1024} KB)`);
if (total > budgetBytes) {
  console.error('check-budget: over budget; split a route or drop a dependency');
  process.exit(1);
}

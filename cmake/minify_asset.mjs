// Build step: minifies one default-theme asset (terser for .js, csso for .css) into OUTPUT.
// node cmake/minify_asset.mjs INPUT OUTPUT
//
// The search page's first result is budgeted in gzip bytes, and its scripts are commented for
// their readers: minified, they weigh half as much gzipped. Same input, same bytes: terser and
// csso are pinned in package-lock.json and neither reads the clock or the environment.
import fs from 'node:fs';
import path from 'node:path';
import { minify as minifyJs } from 'terser';
import { minify as minifyCss } from 'csso';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node minify_asset.mjs INPUT OUTPUT');
  process.exit(2);
}

const source = fs.readFileSync(input, 'utf8');
let minified;
if (input.endsWith('.js')) {
  // Top-level names stay (the scripts share window.HindsightSearch and lunr); licence comments
  // (/*! ... */) stay, the rest go.
  const result = await minifyJs(source, {
    compress: { passes: 2 },
    mangle: true,
    format: { comments: /^!/ },
  });
  minified = result.code;
} else if (input.endsWith('.css')) {
  // No restructuring: moving rules between blocks can change which one wins, and saves little.
  minified = minifyCss(source, { restructure: false, comments: 'exclamation' }).css;
} else {
  console.error(`${input}: only .js and .css are minified`);
  process.exit(2);
}

fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(`${output}.tmp`, `${minified}\n`);
fs.renameSync(`${output}.tmp`, output);

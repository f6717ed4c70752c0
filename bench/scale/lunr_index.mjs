// The peer's index step for bench/scale: lunr.js over Hugo's JSON dump of every page, with the
// title, causes and content fields. node lunr_index.mjs index.json OUT.json
import fs from 'node:fs';
import lunr from 'lunr';

const [docsPath, outPath] = process.argv.slice(2);
const docs = JSON.parse(fs.readFileSync(docsPath, 'utf8'));
const idx = lunr(function () {
  this.ref('id');
  this.field('title', { boost: 10 });
  this.field('causes', { boost: 5 });
  this.field('content');
  for (const doc of docs) this.add(doc);
});
fs.writeFileSync(outPath, JSON.stringify(idx));

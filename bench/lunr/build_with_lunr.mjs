// The peer: the Node build script `hindsight lunr` replaces, with the same fields and boosts as
// run.sh gives hindsight. node build_with_lunr.mjs docs.json index.json
import fs from 'node:fs';
import lunr from 'lunr';

const [docsPath, indexPath] = process.argv.slice(2);
const docs = JSON.parse(fs.readFileSync(docsPath, 'utf8'));
const idx = lunr(function () {
  this.ref('id');
  this.field('title', { boost: 10 });
  this.field('summary', { boost: 3 });
  this.field('body');
  this.field('services', { boost: 2 });
  this.field('tags');
  for (const doc of docs) this.add(doc, { boost: doc.boost });
});
fs.writeFileSync(indexPath, JSON.stringify(idx));

// Lays out the peer for bench/scale: a Hugo site of the same postmortems, one page each, with
// cause taxonomy pages and a JSON dump of every page (what a Hugo archive feeds lunr.js).
// node hugo_site.mjs CONTENT_DIR POSTMORTEMS_JSON SITE_DIR
// Body-only postmortems have no front matter for Hugo to read, so each page gets the title and
// causes Hindsight found (postmortems.json), giving Hugo the same taxonomy pages to build.
import fs from 'node:fs';
import path from 'node:path';

const [content, exportsPath, site] = process.argv.slice(2);
if (!site) {
  console.error('usage: node hugo_site.mjs CONTENT_DIR POSTMORTEMS_JSON SITE_DIR');
  process.exit(2);
}
const records = JSON.parse(fs.readFileSync(exportsPath, 'utf8'));
fs.rmSync(site, { recursive: true, force: true });
fs.mkdirSync(path.join(site, 'content', 'postmortems'), { recursive: true });
fs.mkdirSync(path.join(site, 'layouts', '_default'), { recursive: true });
fs.writeFileSync(path.join(site, 'hugo.toml'), [
  "baseURL = 'https://wiki.example.com/'",
  "title = 'Incident archive'",
  'disableKinds = ["RSS"]',
  '[taxonomies]', "  cause = 'causes'",
  '[outputs]', "  home = ['HTML', 'JSON']",
  '',
].join('\n'));
const layouts = {
  'baseof.html': '<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>\n',
  'single.html': '{{ define "main" }}<h1>{{ .Title }}</h1>{{ range .Params.causes }}<a href="{{ "causes/" | relURL }}{{ . | urlize }}/">{{ . }}</a> {{ end }}{{ .Content }}{{ end }}\n',
  'list.html': '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
  'index.json': '[{{ range $i, $p := where .Site.RegularPages "Section" "postmortems" }}{{ if $i }},{{ end }}{{ dict "id" $p.RelPermalink "title" $p.Title "causes" (delimit ($p.Params.causes | default slice) " ") "content" $p.Plain | jsonify }}{{ end }}]\n',
};
for (const [name, text] of Object.entries(layouts)) {
  fs.writeFileSync(path.join(site, 'layouts', name === 'index.json' ? '' : '_default', name), text);
}
for (const record of records) {
  const body = fs.readFileSync(path.join(content, record.source), 'utf8').replace(/^# .*\n/, '');
  const front = `---\ntitle: ${JSON.stringify(record.title)}\ncauses: ${JSON.stringify(record.causes)}\n---\n`;
  fs.writeFileSync(path.join(site, 'content', 'postmortems', `${record.slug}.md`), front + body);
}

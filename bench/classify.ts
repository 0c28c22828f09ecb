/**
 * npm run bench:classify — accuracy of the job-title classifier on the held-out test split
 * (data/classifier/test.tsv; never used to tune the lexicon) and its throughput on one core.
 *
 * Loads the classifier the way the server does: a fresh in-memory PGlite, migrations, the reference
 * catalogues from data/reference, then getOccupationClassifier(). Prints the misses, a summary, and
 * one JSON line last. `--split dev` measures the dev split instead.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateDatabase, openDatabase } from '../src/server/db/client.js';
import { loadReferenceCatalogs } from '../src/server/modules/catalog/index.js';
import { getOccupationClassifier } from '../src/server/modules/occupations/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const splitArg = process.argv.indexOf('--split');
const split = splitArg >= 0 ? process.argv[splitArg + 1] : 'test';
if (split !== 'test' && split !== 'dev') throw new Error('--split must be test or dev');

const rows = readFileSync(path.join(root, `data/classifier/${split}.tsv`), 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((l) => {
    const [title = '', code = ''] = l.split('\t');
    return { title, code };
  });

// the titles copied as published (data/classifier/test-public.tsv), reported on their own as well
const published = new Set(
  split === 'test'
    ? readFileSync(path.join(root, 'data/classifier/test-public.tsv'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0])
    : [],
);

const database = await openDatabase({});
await migrateDatabase(database);
await loadReferenceCatalogs(database);
const names = new Map((await database.query<{ code: string; name: string }>('select code, name from occupations')).map((r) => [r.code, r.name]));
const t0 = performance.now();
const classifier = await getOccupationClassifier(database);
const buildMs = performance.now() - t0;

let top1 = 0;
let top3 = 0;
let small = 0;
let mid = 0;
let major = 0;
let none = 0;
let publishedTop1 = 0;
const misses: string[] = [];
for (const { title, code } of rows) {
  const r = classifier.classify(title);
  if (r.code === null) none++;
  if (r.code === code) top1++;
  if (r.code === code && published.has(title)) publishedTop1++;
  else misses.push(`  ${title}  →  ${r.code ?? '—'} ${r.name ?? ''}  (应为 ${code} ${names.get(code) ?? '?'})`);
  if (r.candidates.slice(0, 3).some((c) => c.code === code)) top3++;
  if (r.code?.slice(0, 7) === code.slice(0, 7)) small++;
  if (r.code?.slice(0, 4) === code.slice(0, 4)) mid++;
  if (r.code?.slice(0, 1) === code.slice(0, 1)) major++;
}

// throughput: the split's titles over and over for ~3 s, single thread
const loops: number[] = [];
const deadline = performance.now() + 3000;
let done = 0;
while (performance.now() < deadline) {
  const s = performance.now();
  for (const { title } of rows) classifier.classify(title);
  done += rows.length;
  loops.push(performance.now() - s);
}
const elapsed = loops.reduce((a, b) => a + b, 0);
const perSecond = Math.round((done / elapsed) * 1000);
await database.close();

const pct = (n: number) => Math.round((n / rows.length) * 1000) / 10;
console.log(`misses (${misses.length}):\n${misses.join('\n')}`);
console.log(`\n${split}: ${rows.length} titles`);
console.log(
  `top-1 细类 ${pct(top1)}%   top-3 细类 ${pct(top3)}%   top-1 小类 ${pct(small)}%   top-1 中类 ${pct(mid)}%   大类 ${pct(major)}%   no answer ${none}`,
);
if (published.size > 0) console.log(`published titles (test-public.tsv): top-1 ${publishedTop1}/${published.size}`);
console.log(`build ${Math.round(buildMs)} ms   throughput ${perSecond} titles/s (one core, ${done} classifications)`);
console.log(
  JSON.stringify({
    bench: 'classify',
    split,
    n: rows.length,
    top1: pct(top1),
    top3: pct(top3),
    top1Small: pct(small),
    top1Mid: pct(mid),
    top1Major: pct(major),
    noAnswer: none,
    publishedTop1: published.size > 0 ? `${publishedTop1}/${published.size}` : null,
    buildMs: Math.round(buildMs),
    titlesPerSecond: perSecond,
  }),
);

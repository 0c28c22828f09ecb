/**
 * `gancai titles rank --queries Q.tsv --corpus C.tsv [--top 100]`: for every query (`q_id<TAB>title`)
 * the most similar corpus titles (`c_id<TAB>title`), written as `q_id<TAB>c_id<TAB>score`, best first,
 * at most --top lines per query, queries in input order. Both files are read and checked before anything
 * is written (a malformed line is reported with its file and line number, exit code 2, no output); the
 * classifier is loaded only then. Output streams in 64 KB chunks and stops quietly when the reader goes.
 */
import { once } from 'node:events';
import { readFile, stat } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { OccupationClassifier } from './occupations.classifier.js';
import { buildTitleRanker, type TitleRow } from './titles.rank.js';

export const TITLES_RANK_USAGE = 'gancai titles rank --queries Q.tsv --corpus C.tsv [--top 100]';

/** A problem with the command's input: reported on stderr, exit code 2. */
export class TitlesInputError extends Error {}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) {
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw new TitlesInputError(`${name} 缺少取值 / ${name} needs a value`);
    return v;
  }
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** Parses `id<TAB>title` lines; blank lines are skipped, a BOM and CR line ends are accepted. */
export function parseTitleTsv(text: string, file: string, unique: boolean): TitleRow[] {
  const rows: TitleRow[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) return;
    const tab = line.indexOf('\t');
    const where = `${file}:${i + 1}`;
    if (tab < 0) throw new TitlesInputError(`${where}: 应为 编号<TAB>名称 / expected id<TAB>title, got "${line.slice(0, 60)}"`);
    const id = line.slice(0, tab).trim();
    const title = line
      .slice(tab + 1)
      .replace(/\t/g, ' ')
      .trim();
    if (!id) throw new TitlesInputError(`${where}: 编号为空 / empty id`);
    if (!title) throw new TitlesInputError(`${where}: 名称为空 / empty title`);
    if (unique) {
      if (seen.has(id)) throw new TitlesInputError(`${where}: 编号重复 / duplicate id "${id}"`);
      seen.add(id);
    }
    rows.push({ id, title });
  });
  return rows;
}

async function readTsv(file: string, unique: boolean): Promise<TitleRow[]> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new TitlesInputError(`文件不存在 / file not found: ${file}`);
  return parseTitleTsv(await readFile(file, 'utf8'), file, unique);
}

export interface TitlesRankIo {
  stdout: Writable;
  stderr: Writable;
}

/** Runs the command; resolves with the exit code (0 ok, 2 bad input). */
export async function runTitlesRank(args: string[], io: TitlesRankIo, loadClassifier: () => Promise<OccupationClassifier>): Promise<number> {
  let queries: TitleRow[];
  let corpus: TitleRow[];
  let top = 100;
  try {
    const q = option(args, '--queries');
    const c = option(args, '--corpus');
    const t = option(args, '--top');
    if (!q || !c) throw new TitlesInputError(`需要 --queries 和 --corpus / --queries and --corpus are required\n用法 / usage: ${TITLES_RANK_USAGE}`);
    if (t !== undefined) {
      top = Number(t);
      if (!Number.isInteger(top) || top < 1 || top > 100_000)
        throw new TitlesInputError(`--top 应为 1–100000 的整数 / --top must be an integer 1–100000, got "${t}"`);
    }
    [queries, corpus] = await Promise.all([readTsv(q, false), readTsv(c, true)]);
  } catch (err) {
    if (!(err instanceof TitlesInputError)) throw err;
    io.stderr.write(`${err.message}\n`);
    return 2;
  }

  const started = performance.now();
  const ranker = buildTitleRanker(await loadClassifier(), corpus);
  const built = performance.now();
  const { stdout } = io;
  let closed = false;
  const onError = () => {
    closed = true;
  };
  stdout.on('error', onError);
  let buffer = '';
  let lines = 0;
  let done = 0;
  const flush = async () => {
    if (!buffer || closed) return;
    const chunk = buffer;
    buffer = '';
    if (!stdout.write(chunk)) await Promise.race([once(stdout, 'drain'), once(stdout, 'close')]).catch(onError);
  };
  try {
    for (const q of queries) {
      if (closed) break;
      for (const r of ranker.rank(q.title, top)) {
        buffer += `${q.id}\t${r.id}\t${r.score}\n`;
        lines++;
      }
      done++;
      if (buffer.length > 64 * 1024) await flush();
    }
    await flush();
  } finally {
    stdout.off('error', onError);
  }
  const seconds = (performance.now() - built) / 1000;
  io.stderr.write(
    `${done} queries × ${corpus.length} titles → ${lines} lines; corpus prepared in ${((built - started) / 1000).toFixed(1)} s, ` +
      `${(done / Math.max(seconds, 1e-6)).toFixed(0)} queries/s\n`,
  );
  return 0;
}

/**
 * `gancai occupations classify`: one title per line in, `title<TAB>code<TAB>name<TAB>score` per line out,
 * same order, streamed (memory stays flat however long the input). Empty code and name when nothing fits.
 * When the reader goes away (`… | head`) it stops quietly.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { OccupationClassifier } from './occupations.classifier.js';

/** Tabs and line breaks inside a title would break the columns; they become spaces. */
const flat = (s: string) => s.replace(/[\t\r\n]+/g, ' ');

/** Classifies every line of `input` onto `output`; resolves with the number of lines written. */
export async function classifyStream(classifier: OccupationClassifier, input: Readable, output: Writable): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let closed = false;
  const onError = () => {
    closed = true;
    lines.close();
  };
  output.on('error', onError);
  let count = 0;
  let buffer = '';
  const flush = async () => {
    if (!buffer || closed) return;
    const chunk = buffer;
    buffer = '';
    // once() rejects when the stream errors (EPIPE): that only means the reader has gone
    if (!output.write(chunk)) await Promise.race([once(output, 'drain'), once(output, 'close')]).catch(onError);
  };
  try {
    for await (const raw of lines) {
      if (closed) break;
      const title = flat(raw.replace(/^\uFEFF/, ''));
      const r = title.trim() ? classifier.classify(title) : { code: null, name: null, score: 0 };
      buffer += `${title}\t${r.code ?? ''}\t${r.name ?? ''}\t${r.score}\n`;
      count++;
      if (buffer.length > 64 * 1024) await flush();
    }
    await flush();
  } finally {
    output.off('error', onError);
  }
  return count;
}

/** Text with marked parts rendered as React <mark> elements (search highlights, vetting findings). */
import type { TextPart } from './job-format.js';

export function MarkedText({ parts, className }: { parts: readonly TextPart[]; className?: string }) {
  return (
    <>
      {parts.map((p, i) =>
        p.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reordered
          <mark key={i} className={className}>
            {p.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reordered
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

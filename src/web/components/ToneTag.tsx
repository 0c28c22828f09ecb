import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { type Tone, TONES } from '../theme.js';

/** A Tag whose text keeps AA contrast. */
export function ToneTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <Tag style={TONES[tone]} variant="outlined">
      {children}
    </Tag>
  );
}

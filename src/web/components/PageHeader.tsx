import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle.js';

/** The page's <h1> (also the document title) with an optional intro and actions. */
export function PageHeader({ title, intro, extra }: { title: string; intro?: ReactNode; extra?: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="section-head" style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0, flex: '1 1 320px' }}>
        <Typography.Title level={1} className="page-title" style={{ fontSize: 26 }}>
          {title}
        </Typography.Title>
        {intro ? <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph> : null}
      </div>
      {extra ? <div>{extra}</div> : null}
    </div>
  );
}

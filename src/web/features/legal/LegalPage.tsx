import { Typography } from 'antd';
import { PageHeader } from '../../components/PageHeader.js';
import type { LegalDoc } from './legal-doc.js';

/** Renders a long text page: its title as the page <h1>, then the sections. */
export function LegalPage({ doc, meta }: { doc: LegalDoc; meta?: string }) {
  return (
    <article className="legal" style={{ maxWidth: 820 }}>
      <PageHeader title={doc.title} intro={meta} />
      <LegalSections doc={doc} />
    </article>
  );
}

/** The sections of a long text (headings, paragraphs and lists), also used inside dialogs. */
export function LegalSections({ doc }: { doc: LegalDoc }) {
  return (
    <>
      {doc.sections.map((s, i) => (
        <section key={s.heading ?? i}>
          {s.heading ? (
            <Typography.Title level={2} style={{ fontSize: 20 }}>
              {s.heading}
            </Typography.Title>
          ) : null}
          {s.paragraphs?.map((p) => (
            <Typography.Paragraph key={p}>{p}</Typography.Paragraph>
          ))}
          {s.items ? (
            <ul>
              {s.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </>
  );
}

/** Attribution: every data source the platform uses, its publisher and licence. */
import { Card, Descriptions, Empty, Skeleton } from 'antd';
import type { DataSource } from '../../api-types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useIsDesktop } from '../../components/useIsDesktop.js';
import { useI18n, useT } from '../../i18n/I18nProvider.js';

function SourceCard({ s }: { s: DataSource }) {
  const { t, lang } = useI18n();
  const items = [
    { key: 'publisher', label: t('catalog.sources.publisher'), children: s.publisher },
    { key: 'licence', label: t('catalog.sources.licence'), children: s.licence },
    ...(s.url
      ? [
          {
            key: 'url',
            label: t('catalog.sources.link'),
            children: (
              <a href={s.url} target="_blank" rel="noopener noreferrer" style={{ wordBreak: 'break-all' }}>
                {s.url}
              </a>
            ),
          },
        ]
      : []),
    ...(s.attribution ? [{ key: 'attribution', label: t('catalog.sources.attribution'), children: s.attribution }] : []),
    ...(s.note ? [{ key: 'note', label: t('catalog.sources.note'), children: s.note }] : []),
  ];
  const desktop = useIsDesktop();
  const title = lang === 'en-US' && s.titleEn ? s.titleEn : s.title;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{title}</h2>}>
      <Descriptions column={1} size="small" items={items} layout={desktop ? 'horizontal' : 'vertical'} />
    </Card>
  );
}

export function SourcesPage() {
  const t = useT();
  const { data, error, loading, reload } = useApi<{ items: DataSource[] }>('/api/catalog/sources');
  return (
    <>
      <PageHeader title={t('catalog.sources.title')} intro={t('catalog.sources.intro')} />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !data ? <Skeleton active /> : null}
      {data && data.items.length === 0 ? <Empty description={t('catalog.sources.empty')} /> : null}
      <div className="card-grid-wide" data-testid="sources">
        {data?.items.map((s) => (
          <SourceCard key={s.id} s={s} />
        ))}
      </div>
    </>
  );
}

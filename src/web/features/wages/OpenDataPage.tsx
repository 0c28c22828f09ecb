/** 开放数据, public: the licence, the three datasets with their filters and CSV links, the rules, the attribution. */
import { Card, Descriptions, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useIsDesktop } from '../../components/useIsDesktop.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import './wages.css';

interface OpenIndex {
  licence: { id: string; name: string; url: string; attribution: string };
  attribution: string[];
  rateLimitPerMinute: number;
  suppression: { wageMinObservations: number; countSuppressBelow: number };
  datasets: { id: 'wages' | 'demand' | 'training'; path: string; method: string }[];
}

function Dataset({ d }: { d: OpenIndex['datasets'][number] }) {
  const { t } = useI18n();
  const desktop = useIsDesktop();
  return (
    <Card title={<h2 className="card-h2">{t(`wages.openData.${d.id}Name`)}</h2>} data-testid={`dataset-${d.id}`}>
      <Descriptions
        column={1}
        size="small"
        layout={desktop ? 'horizontal' : 'vertical'}
        items={[
          { key: 'endpoint', label: t('wages.openData.endpoint'), children: <code>GET {d.path}</code> },
          { key: 'filters', label: t('wages.openData.filters'), children: t(`wages.openData.${d.id}Filters`) },
          { key: 'method', label: '', children: d.method },
          {
            key: 'csv',
            label: '',
            children: (
              <a href={`${d.path}?format=csv&limit=1000`} download={`${d.id}.csv`}>
                {t('wages.openData.download')}
              </a>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function OpenDataPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<OpenIndex>('/api/open');
  return (
    <div className="open-data-page">
      <PageHeader title={t('wages.openData.title')} intro={t('wages.openData.intro')} />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !data ? <Skeleton active /> : null}
      {data ? (
        <div className="wage-stack">
          <Card title={<h2 className="card-h2">{t('wages.openData.licenceTitle')}</h2>} data-testid="open-licence">
            <Typography.Paragraph>
              {t('wages.openData.licence', { name: data.licence.name, id: data.licence.id, attribution: data.licence.attribution })}{' '}
              <a href={data.licence.url} target="_blank" rel="noopener noreferrer license">
                {data.licence.url}
              </a>
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('wages.openData.licenceHeader')}</Typography.Paragraph>
          </Card>
          {data.datasets.map((d) => (
            <Dataset key={d.id} d={d} />
          ))}
          <Card title={<h2 className="card-h2">{t('wages.openData.commonTitle')}</h2>}>
            <ul>
              <li>{t('wages.openData.format')}</li>
              <li>{t('wages.openData.paging')}</li>
              <li>{t('wages.openData.rateLimit', { n: data.rateLimitPerMinute })}</li>
              <li>{t('wages.openData.fields')}</li>
            </ul>
          </Card>
          <Card title={<h2 className="card-h2">{t('wages.openData.suppressionTitle')}</h2>}>
            <ul>
              <li>{t('wages.openData.suppressionWages', { n: data.suppression.wageMinObservations })}</li>
              <li>{t('wages.openData.suppressionCounts', { max: data.suppression.countSuppressBelow - 1 })}</li>
              <li>{t('wages.openData.suppressionDemand')}</li>
              <li>{t('wages.openData.trainingNote')}</li>
            </ul>
          </Card>
          <Card title={<h2 className="card-h2">{t('wages.openData.attributionTitle')}</h2>} data-testid="open-attribution">
            <Typography.Paragraph>{t('wages.openData.attributionIntro')}</Typography.Paragraph>
            <ul>
              {data.attribution.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
            <Typography.Paragraph>
              <Link to="/sources">{t('wages.openData.sources')}</Link> · <a href="/api/docs">{t('wages.openData.docs')}</a> ·{' '}
              <Link to="/wages">{t('wages.nav.wages')}</Link>
            </Typography.Paragraph>
          </Card>
        </div>
      ) : null}
    </div>
  );
}

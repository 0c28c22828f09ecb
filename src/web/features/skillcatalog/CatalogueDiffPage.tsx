/** 目录版本对比 (public): two versions of one catalogue → added, removed and changed entries. */
import { Card, Col, Row, Select, Statistic, Table, Tabs, Typography } from 'antd';
import { Link } from 'react-router';
import { CatalogueKind } from '../../../shared/skillcatalog.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { EntriesTable, yuan } from './CatalogueBits.js';
import type { ChangedEntry, DiffAnswer, VersionView } from './skillcatalog-types.js';
import './skillcatalog.css';

export function CatalogueDiffPage() {
  const { t } = useI18n();
  const filters = useUrlFilters();
  const kind = (filters.get('kind') || 'training_subsidy') as CatalogueKind;
  const { data: list } = useApi<{ items: VersionView[] }>('/api/skill-catalogues/versions', { kind });
  const versions = (list?.items ?? []).filter((v) => v.status !== 'discarded');
  // defaults: given only the newer version, compare with the one before it; given only the older, with the one after it
  const sameRegionPublished = (region: string) => versions.filter((v) => v.regionCode === region && v.status === 'published');
  const givenTo = versions.find((v) => v.id === filters.get('to'));
  const givenFrom = versions.find((v) => v.id === filters.get('from'));
  const to =
    filters.get('to') ||
    (givenFrom
      ? (sameRegionPublished(givenFrom.regionCode)
          .filter((v) => v.effectiveFrom > givenFrom.effectiveFrom)
          .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0]?.id ?? '')
      : '');
  const from =
    filters.get('from') ||
    (givenTo
      ? (sameRegionPublished(givenTo.regionCode)
          .filter((v) => v.effectiveFrom < givenTo.effectiveFrom)
          .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0]?.id ?? '')
      : '');
  const { data, error, reload } = useApi<DiffAnswer>(from && to ? '/api/skill-catalogues/diff' : null, { from, to });
  const label = (v: VersionView) => `${v.regionName} · ${v.label}（${v.effectiveFrom}${v.status === 'draft' ? ` · ${t('skillcatalog.status.draft')}` : ''}）`;
  const options = versions.map((v) => ({ value: v.id, label: label(v) }));
  const subsidy = kind === 'training_subsidy';
  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to={`/skill-catalogues?kind=${kind}`}>← {t('skillcatalog.public.title')}</Link>
      </div>
      <PageHeader title={t('skillcatalog.diff.title')} intro={t('skillcatalog.diff.intro')} />
      <Tabs
        activeKey={kind}
        onChange={(k) => filters.update({ kind: k, from: '', to: '' })}
        items={CatalogueKind.options.map((k) => ({ key: k, label: t(`skillcatalog.kindShort.${k}`) }))}
      />
      <div className="catalogue-filters">
        <div className="filter-item" style={{ flex: '1 1 280px' }}>
          <label htmlFor="diff-from">{t('skillcatalog.diff.from')}</label>
          <Select id="diff-from" value={from || undefined} onChange={(v) => filters.update({ from: v })} options={options} data-testid="diff-from" />
        </div>
        <div className="filter-item" style={{ flex: '1 1 280px' }}>
          <label htmlFor="diff-to">{t('skillcatalog.diff.to')}</label>
          <Select id="diff-to" value={to || undefined} onChange={(v) => filters.update({ to: v })} options={options} data-testid="diff-to" />
        </div>
      </div>
      <ErrorAlert error={error} onRetry={reload} />
      {!from || !to ? <Typography.Paragraph type="secondary">{t('skillcatalog.diff.pick')}</Typography.Paragraph> : null}
      {data ? (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="diff-summary">
            <Col xs={12} md={6}>
              <Statistic title={t('skillcatalog.diff.addedShort')} value={data.added.length} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('skillcatalog.diff.removedShort')} value={data.removed.length} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('skillcatalog.diff.changedShort')} value={data.changed.length} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('skillcatalog.diff.unchangedShort')} value={data.unchanged} />
            </Col>
          </Row>
          <Card title={<h2 className="card-title">{t('skillcatalog.diff.changed', { n: data.changed.length })}</h2>} style={{ marginBottom: 16 }}>
            <Table<ChangedEntry>
              rowKey="id"
              size="small"
              dataSource={data.changed}
              pagination={false}
              locale={{ emptyText: t('skillcatalog.diff.none') }}
              data-testid="diff-changed"
              columns={[
                {
                  title: t('skillcatalog.fields.occupation'),
                  key: 'o',
                  render: (_, e) => `${e.occupationName}（${e.occupationCode}）${e.workType ? ` ${e.workType}` : ''}`,
                },
                { title: t('skillcatalog.fields.level'), key: 'l', render: (_, e) => (e.levelCode ? t(`skillcatalog.level.${e.levelCode as '5'}`) : '—') },
                ...(subsidy
                  ? [
                      {
                        title: t('skillcatalog.diff.before'),
                        key: 'b',
                        align: 'right' as const,
                        render: (_: unknown, e: ChangedEntry) => yuan(e.before.subsidyFen),
                      },
                      {
                        title: t('skillcatalog.diff.after'),
                        key: 'a',
                        align: 'right' as const,
                        render: (_: unknown, e: ChangedEntry) => <strong>{yuan(e.after.subsidyFen)}</strong>,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          <Card title={<h2 className="card-title">{t('skillcatalog.diff.added', { n: data.added.length })}</h2>} style={{ marginBottom: 16 }}>
            <EntriesTable entries={data.added} showSubsidy={subsidy} testId="diff-added" />
          </Card>
          <Card title={<h2 className="card-title">{t('skillcatalog.diff.removed', { n: data.removed.length })}</h2>}>
            <EntriesTable entries={data.removed} showSubsidy={subsidy} testId="diff-removed" />
          </Card>
        </>
      ) : null}
    </>
  );
}

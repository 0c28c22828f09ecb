/** Placeholder until the jobs issue lands: says so clearly and echoes the query. No results are shown. */
import { Alert, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.js';
import { useT } from '../../i18n/I18nProvider.js';

export function JobsPlaceholderPage() {
  const t = useT();
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  return (
    <>
      <PageHeader title={t('jobs.placeholder.title')} />
      <Alert
        type="info"
        showIcon
        title={t('common.comingSoon')}
        description={t('jobs.placeholder.notice')}
        style={{ marginBottom: 16 }}
        data-testid="jobs-placeholder"
      />
      <Typography.Paragraph data-testid="jobs-query">{q ? t('jobs.placeholder.query', { q }) : t('jobs.placeholder.noQuery')}</Typography.Paragraph>
      <Link to="/occupations?digital=true">{t('jobs.placeholder.browseOccupations')}</Link>
    </>
  );
}

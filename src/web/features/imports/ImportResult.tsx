/** Counts, reasons and the first rejected rows of one import batch, with the rejected-rows download. */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, List, Space, Table, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { ImportBatch } from './import-types.js';

const COUNTS = ['totalRows', 'inserted', 'updated', 'unchanged', 'rejected'] as const;

export function ImportResult({ batch }: { batch: ImportBatch }) {
  const { t, tx } = useI18n();
  const finished = batch.status === 'succeeded' || batch.status === 'failed';
  const reasons = Object.entries(batch.reasonCounts).sort((a, b) => b[1] - a[1]);
  return (
    <Card title={`${t('imports.result')} · ${batch.fileName}`} data-testid="import-result">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {batch.status === 'failed' ? <Alert type="error" showIcon title={t('imports.failed', { error: batch.error ?? '' })} /> : null}
        <Descriptions size="small" column={{ xs: 2, sm: 3, md: 5 }} bordered>
          {COUNTS.map((k) => (
            <Descriptions.Item key={k} label={t(`imports.counts.${k}`)}>
              <span data-testid={`import-count-${k}`}>{batch[k]}</span>
            </Descriptions.Item>
          ))}
        </Descriptions>
        {finished && batch.rejected === 0 && batch.status === 'succeeded' ? <Typography.Text type="success">{t('imports.noRejected')}</Typography.Text> : null}
        {reasons.length > 0 ? (
          <>
            <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
              {t('imports.reasonsTitle')}
            </Typography.Title>
            <List
              size="small"
              data-testid="import-reasons"
              dataSource={reasons}
              renderItem={([code, count]) => (
                <List.Item>
                  <span>{tx(`imports.reasons.${code}`, code)}</span>
                  <span>{t('imports.reasonCount', { count })}</span>
                </List.Item>
              )}
            />
            <Table
              size="small"
              rowKey="row"
              pagination={false}
              caption={t('imports.sampleTitle', { count: batch.rejectedSample.length })}
              dataSource={batch.rejectedSample}
              scroll={{ y: 240 }}
              columns={[
                { title: t('imports.row'), dataIndex: 'row', key: 'row', width: 80 },
                {
                  title: t('imports.reasonsTitle'),
                  key: 'reasons',
                  render: (_: unknown, r: ImportBatch['rejectedSample'][number]) => r.reasons.map((c) => tx(`imports.reasons.${c}`, c)).join('；'),
                },
              ]}
            />
            {finished ? (
              <Space wrap>
                <Button icon={<DownloadOutlined />} href={`/api/imports/${batch.id}/rejected`} download data-testid="download-rejected">
                  {t('imports.downloadRejected')}
                </Button>
                <Typography.Text type="secondary">{t('imports.downloadRejectedHint')}</Typography.Text>
              </Space>
            ) : null}
          </>
        ) : null}
      </Space>
    </Card>
  );
}

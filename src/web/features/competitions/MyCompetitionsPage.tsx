/** 我的参赛 (talent): my entries, material uploads (leader), published results and awards with certificates. */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { formatPoints, MATERIAL_MAX_BYTES } from '../../../shared/competitions.js';
import { ApiError, api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { KindTag, roundName, StatusTag } from './CompetitionBits.js';
import { Link } from 'react-router';

interface MyEntry {
  id: string;
  competitionId: string;
  competitionTitle: string;
  competitionKind: string;
  competitionStatus: string;
  code: string;
  name: string;
  status: string;
  isLeader: boolean;
  materials: { id: string; fileName: string }[];
  results: { seq: number; kind: string; rank: number; aggregate: number; advanced: boolean }[];
  award: { name: string; certificates: string[] } | null;
}

function EntryCard({ e, onChanged }: { e: MyEntry; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setError(null);
    setBusy(true);
    try {
      await api(`/api/competitions/entries/${e.id}/materials`, {
        method: 'POST',
        rawBody: file,
        query: { fileName: file.name },
        headers: { 'content-type': file.type || 'application/octet-stream' },
      });
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const canUpload = e.isLeader && e.status === 'registered' && ['published', 'registration_closed'].includes(e.competitionStatus);
  return (
    <Card size="small" data-testid="my-entry">
      <Space wrap size={[8, 4]}>
        <KindTag kind={e.competitionKind} />
        <StatusTag status={e.competitionStatus} />
        <Tag>{e.code}</Tag>
      </Space>
      <Typography.Title level={2} style={{ fontSize: 18, margin: '8px 0' }}>
        <Link to={`/competitions/${e.competitionId}`}>{e.competitionTitle}</Link>
      </Typography.Title>
      <Typography.Paragraph>{e.name}</Typography.Paragraph>
      {e.materials.map((m) => (
        <div key={m.id}>
          <a href={`/api/competitions/materials/${m.id}`}>{t('competitions.mine.uploaded', { name: m.fileName })}</a>
        </div>
      ))}
      {canUpload ? (
        <Upload
          accept=".pdf,.png,.jpg,.jpeg"
          showUploadList={false}
          beforeUpload={(file) => {
            if (file.size > MATERIAL_MAX_BYTES) setError(new ApiError('PAYLOAD_TOO_LARGE'));
            else void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} style={{ marginTop: 8 }}>
            {t('competitions.mine.upload')}
          </Button>
        </Upload>
      ) : null}
      {e.results.map((r) => (
        <div key={r.seq}>{t('competitions.mine.result', { round: roundName(t, r.kind), rank: r.rank, score: formatPoints(r.aggregate) })}</div>
      ))}
      {e.award ? (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 8 }}
          title={t('competitions.mine.award', { name: e.award.name })}
          description={e.award.certificates.map((n) => (
            <div key={n}>
              <Link to={`/verify/${n}`}>{t('competitions.mine.certificate', { number: n })}</Link>
            </div>
          ))}
        />
      ) : null}
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ marginTop: 8 }} /> : null}
    </Card>
  );
}

export function MyCompetitionsPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<{ items: MyEntry[] }>('/api/competitions/entries/mine');
  const items = data?.items ?? [];
  return (
    <>
      <PageHeader title={t('competitions.mine.title')} intro={t('competitions.mine.intro')} />
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 ? (
        <Empty description={t('competitions.mine.empty')}>
          <Link to="/competitions">{t('competitions.mine.browse')}</Link>
        </Empty>
      ) : null}
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {items.map((e) => (
          <EntryCard key={e.id} e={e} onChanged={reload} />
        ))}
      </Space>
    </>
  );
}

/** 已核验证书 on the profile page: read-only, from the certificates module (not the self-declared list). */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { Link } from 'react-router';
import { ToneTag } from '../../components/ToneTag.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { VerifiedCredentials } from './certificate-types.js';
import './certificates.css';

export function VerifiedCredentialsSection() {
  const { t } = useI18n();
  const { data } = useApi<VerifiedCredentials>('/api/certificates/verified/me');
  const none = data && data.certificates.length === 0 && data.qualifications.length === 0;
  return (
    <section className="profile-section" aria-labelledby="verified-credentials" data-testid="verified-credentials" style={{ marginBottom: 16 }}>
      <Typography.Title level={2} id="verified-credentials" style={{ fontSize: 18 }}>
        <SafetyCertificateOutlined aria-hidden style={{ marginInlineEnd: 8 }} />
        {t('certificates.profile.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('certificates.profile.intro')}</Typography.Paragraph>
      {none ? <Typography.Text type="secondary">{t('certificates.profile.empty')}</Typography.Text> : null}
      <ul style={{ paddingInlineStart: 18, margin: 0 }}>
        {(data?.certificates ?? []).map((c) => (
          <li key={c.id} data-testid="verified-certificate">
            <ToneTag tone="success">{t('certificates.profile.verifiedTag')}</ToneTag>
            {c.occupationName ?? c.occupationCode} · {c.levelName} · {c.issuerName} · {c.issuedOn} ·{' '}
            <Link to={c.verifyPath} className="cert-number">
              {c.numberDisplay}
            </Link>
          </li>
        ))}
        {(data?.qualifications ?? []).map((q) => (
          <li key={q.id} data-testid="verified-qualification">
            <ToneTag tone="success">{t('certificates.profile.verifiedTag')}</ToneTag>
            {t('certificates.profile.qualification')} · {q.title}（{t(`certificates.qualLevel.${q.level as 'junior' | 'intermediate' | 'senior'}`)}）·{' '}
            {q.authority} · {q.issuedOn}
          </li>
        ))}
      </ul>
    </section>
  );
}

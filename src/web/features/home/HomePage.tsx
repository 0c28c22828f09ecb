/** Public home: job search box, digital occupations, the three service lines, certificate check. */
import { RocketOutlined, SafetyCertificateOutlined, SearchOutlined, ToolOutlined } from '@ant-design/icons';
import { Button, Card, Input, Skeleton, Typography } from 'antd';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Occupation, Paged } from '../../api-types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useApi } from '../../components/useApi.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { useT } from '../../i18n/I18nProvider.js';

function Hero() {
  const t = useT();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const query = q.trim();
    navigate(query ? `/jobs?q=${encodeURIComponent(query)}` : '/jobs');
  };
  return (
    <section className="hero" aria-labelledby="hero-title">
      <h1 id="hero-title">{t('home.hero.title')}</h1>
      <p>{t('home.hero.subtitle')}</p>
      <search>
        <form className="hero-search" onSubmit={submit}>
          <label htmlFor="hero-q" className="sr-only">
            {t('home.hero.searchLabel')}
          </label>
          <Input
            id="hero-q"
            size="large"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('home.hero.searchPlaceholder')}
            prefix={<SearchOutlined aria-hidden />}
          />
          <Button htmlType="submit" size="large">
            {t('home.hero.searchButton')}
          </Button>
        </form>
      </search>
    </section>
  );
}

function DigitalOccupations() {
  const t = useT();
  const { data, error, loading, reload } = useApi<Paged<Occupation>>('/api/catalog/occupations', { digital: true, level: 4, pageSize: 12 });
  return (
    <section className="section" aria-labelledby="digital-title">
      <div className="section-head">
        <Typography.Title level={2} id="digital-title">
          {t('home.digital.title')}
        </Typography.Title>
        <Link to="/occupations?digital=true">{t('home.digital.more')}</Link>
      </div>
      <Typography.Paragraph type="secondary">{t('home.digital.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !data ? <Skeleton active /> : null}
      {data && data.items.length === 0 ? <p>{t('home.digital.empty')}</p> : null}
      {data && data.items.length > 0 ? (
        <ul className="occupation-grid" data-testid="digital-occupations">
          {data.items.map((o) => (
            <li key={o.code}>
              <span className="occupation-code">{o.code}</span>
              <span>{o.name}</span>{' '}
              <ToneTag tone="digital">
                <span aria-hidden>S</span>
                <span className="sr-only">{t('catalog.occupations.digitalTag')}</span>
              </ToneTag>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ServiceCard({ icon, title, desc, to }: { icon: ReactNode; title: string; desc: string; to: string }) {
  return (
    <Card>
      <Typography.Title level={3} style={{ fontSize: 18, marginTop: 0 }}>
        <span aria-hidden style={{ marginInlineEnd: 8 }}>
          {icon}
        </span>
        <Link to={to}>{title}</Link>
      </Typography.Title>
      <Typography.Paragraph style={{ marginBottom: 0 }}>{desc}</Typography.Paragraph>
    </Card>
  );
}

function PolicyServices() {
  const t = useT();
  return (
    <section className="section" aria-labelledby="services-title">
      <Typography.Title level={2} id="services-title">
        {t('home.services.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('home.services.intro')}</Typography.Paragraph>
      <div className="card-grid">
        <ServiceCard icon={<SearchOutlined />} title={t('home.services.findJob')} desc={t('home.services.findJobDesc')} to="/jobs" />
        <ServiceCard icon={<ToolOutlined />} title={t('home.services.skills')} desc={t('home.services.skillsDesc')} to="/training" />
        <ServiceCard icon={<RocketOutlined />} title={t('home.services.startup')} desc={t('home.services.startupDesc')} to="/ventures" />
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('home.services.note')}
      </Typography.Paragraph>
      <Link to="/training">{t('training.list.title')} →</Link>
    </section>
  );
}

function CertificateEntry() {
  const t = useT();
  return (
    <section className="section" aria-labelledby="cert-title">
      <Card>
        <Typography.Title level={2} id="cert-title" style={{ fontSize: 20, marginTop: 0 }}>
          <SafetyCertificateOutlined aria-hidden style={{ marginInlineEnd: 8 }} />
          {t('home.certificate.title')}
        </Typography.Title>
        <Typography.Paragraph>{t('home.certificate.desc')}</Typography.Paragraph>
        <Link to="/verify">{t('certificates.verify.submit')} →</Link>
      </Card>
    </section>
  );
}

export function HomePage() {
  usePageTitle('');
  return (
    <>
      <Hero />
      <DigitalOccupations />
      <PolicyServices />
      <CertificateEntry />
    </>
  );
}

/** 发出的邀约 (employer): invitations with their status; after acceptance the contact can be shown (audited). */
import { Alert, App, Button, Card, Descriptions, Empty, Modal, Popconfirm, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';
import { InvitationStatusTag } from './InvitationStatusTag.js';
import type { Page, SentInvitation } from './talentpool-types.js';
import { useInvitationTransition } from './useInvitationTransition.js';

interface Contact {
  name: string;
  phone: string | null;
}

function SentCard({ item, onChanged, onContact }: { item: SentInvitation; onChanged: () => void; onContact: (id: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { busy, error, send } = useInvitationTransition();
  const withdraw = async () => {
    if (await send(item.id, 'withdraw')) {
      void message.success(t('talentpool.sent.withdrawn'));
      onChanged();
    }
  };
  return (
    <Card data-testid="sent-invitation" data-status={item.status}>
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space wrap size={[8, 4]}>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {item.talent.displayName}
          </Typography.Title>
          <InvitationStatusTag status={item.status} />
        </Space>
        <Typography.Text>{item.jobTitle ?? t('talentpool.sent.talk')}</Typography.Text>
        <Typography.Text type="secondary">
          {t('talentpool.sent.sentAt')} {dayjs(item.sentAt).format('YYYY-MM-DD HH:mm')}
          {item.status === 'sent' ? ` · ${t('talentpool.sent.expiresAt', { date: dayjs(item.expiresAt).format('YYYY-MM-DD') })}` : ''}
        </Typography.Text>
        {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
        <Space wrap>
          {item.status === 'accepted' ? (
            <Button type="primary" onClick={() => onContact(item.id)} data-testid="invitation-contact">
              {t('talentpool.sent.contact')}
            </Button>
          ) : null}
          {item.allowedActions.includes('withdraw') ? (
            <Popconfirm
              title={t('talentpool.sent.withdrawConfirm', { name: item.talent.displayName })}
              okText={t('talentpool.sent.withdraw')}
              cancelText={t('common.cancel')}
              onConfirm={() => void withdraw()}
            >
              <Button danger loading={busy}>
                {t('talentpool.sent.withdraw')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      </Space>
    </Card>
  );
}

export function SentInvitationsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, loading, reload } = useApi<Page<SentInvitation>>('/api/talent-pool/invitations/sent', { pageSize: 100 });
  const [contact, setContact] = useState<Contact | null>(null);
  const [contactError, setContactError] = useState<unknown>(null);
  const reveal = async (id: string) => {
    setContactError(null);
    try {
      setContact(await api<Contact>(`/api/talent-pool/invitations/${id}/contact`, { method: 'POST', body: {} }));
    } catch (err) {
      setContactError(err);
    }
  };
  const items = data?.items ?? [];
  return (
    <>
      <PageHeader title={t('talentpool.sent.title')} intro={t('talentpool.sent.intro')} />
      <ErrorAlert error={error} onRetry={reload} />
      {contactError ? <Alert type="error" showIcon role="alert" title={formatError(i18n, contactError)} style={{ marginBottom: 12 }} /> : null}
      {!loading && !error && items.length === 0 ? (
        <Empty description={t('talentpool.sent.empty')}>
          <Link to="/employer/talent-pool">{t('talentpool.sent.toPool')}</Link>
        </Empty>
      ) : null}
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="sent-invitations">
        {items.map((item) => (
          <SentCard key={item.id} item={item} onChanged={reload} onContact={(id) => void reveal(id)} />
        ))}
      </Space>
      <Modal open={contact !== null} title={t('talentpool.sent.contactTitle')} onCancel={() => setContact(null)} footer={null}>
        {contact ? (
          <>
            <Descriptions column={1} bordered size="small" data-testid="contact-details">
              <Descriptions.Item label={t('talentpool.sent.contactName')}>{contact.name}</Descriptions.Item>
              <Descriptions.Item label={t('talentpool.sent.contactPhone')}>{contact.phone ?? '—'}</Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {t('talentpool.sent.contactNote')}
            </Typography.Paragraph>
          </>
        ) : null}
      </Modal>
    </>
  );
}

/**
 * 评审专家库 in 认定配置: the reviewers with their affiliation, adding or updating one (picked from the
 * reviewer accounts), and taking one out of the pool (officials whose region covers the account; refused
 * while the reviewer has unscored assignments). Also the staff-account picker the supervisor form uses.
 */
import { App, Button, Card, Empty, Form, Input, List, Popconfirm, Select, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { Reviewer } from './recognition-types.js';

const PROVINCE = '360000';

interface PickableAccount {
  userId: string;
  name: string;
  username: string;
  regionCode: string;
}

/** A searchable list of staff accounts (by name or username), instead of typing an account id. */
export function AccountSelect({ kind, within, ...props }: { kind: 'reviewer' | 'official'; within?: string; value?: string; onChange?: (v: string) => void }) {
  const { t } = useI18n();
  const { data, loading } = useApi<{ items: PickableAccount[] }>('/api/recognition/accounts', { kind });
  // a supervisor must cover the city: an official of that city or of the province
  const covers = (r: string) => !within || r === PROVINCE || r.slice(0, 4) === within.slice(0, 4);
  const options = (data?.items ?? []).filter((a) => covers(a.regionCode)).map((a) => ({ value: a.userId, label: `${a.name}（${a.username}）` }));
  return (
    <Select
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      loading={loading}
      options={options}
      placeholder={t('recognition.settings.accountPick')}
      notFoundContent={t('recognition.common.noData')}
    />
  );
}

interface ReviewerValues {
  userId: string;
  affiliationName: string;
  expertise: string;
}

export function Reviewers() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useApi<{ items: Reviewer[] }>('/api/recognition/reviewers');
  const [form] = Form.useForm<ReviewerValues>();
  const [error, setError] = useState<unknown>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const submit = async (v: ReviewerValues) => {
    setError(null);
    try {
      await api('/api/recognition/reviewers', {
        method: 'PUT',
        body: { userId: v.userId, affiliationName: v.affiliationName.trim(), expertise: v.expertise.trim() },
      });
      void message.success(t('recognition.settings.saved'));
      form.resetFields();
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  const remove = async (r: Reviewer) => {
    setRemoveError(null);
    setRemoving(r.userId);
    try {
      await api(`/api/recognition/reviewers/${r.userId}`, { method: 'DELETE' });
      void message.success(t('recognition.settings.removed'));
      list.reload();
    } catch (err) {
      setRemoveError(err);
    } finally {
      setRemoving(null);
    }
  };
  return (
    <Card title={t('recognition.settings.reviewers')} data-testid="settings-reviewers">
      <Typography.Paragraph type="secondary">{t('recognition.settings.reviewersIntro')}</Typography.Paragraph>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <ErrorAlert error={removeError} />
      <List
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('recognition.common.noData')} /> }}
        renderItem={(r) => (
          <List.Item
            data-testid="settings-reviewer"
            data-user={r.userId}
            actions={[
              <Button
                key="edit"
                size="small"
                onClick={() => form.setFieldsValue({ userId: r.userId, affiliationName: r.affiliationName, expertise: r.expertise })}
              >
                {t('recognition.settings.edit')}
              </Button>,
              ...(r.canRemove
                ? [
                    <Popconfirm
                      key="remove"
                      title={t('recognition.settings.remove')}
                      description={t('recognition.settings.removeConfirm', { name: r.name })}
                      okText={t('recognition.settings.remove')}
                      cancelText={t('recognition.settings.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => remove(r)}
                    >
                      <Button size="small" danger loading={removing === r.userId} data-testid="reviewer-remove">
                        {t('recognition.settings.remove')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta title={r.name} description={`${r.affiliationName} · ${r.expertise}`} />
          </List.Item>
        )}
      />
      <Typography.Paragraph strong style={{ marginTop: 16 }}>
        {t('recognition.settings.addReviewer')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="userId"
          label={t('recognition.settings.reviewerAccount')}
          rules={[{ required: true, message: t('recognition.settings.accountInvalid') }]}
        >
          <AccountSelect kind="reviewer" />
        </Form.Item>
        <Form.Item name="affiliationName" label={t('recognition.settings.affiliation')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="expertise" label={t('recognition.settings.expertise')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <ErrorAlert error={error} />
        <Button type="primary" htmlType="submit" style={{ marginTop: 8 }}>
          {t('recognition.settings.save')}
        </Button>
      </Form>
    </Card>
  );
}

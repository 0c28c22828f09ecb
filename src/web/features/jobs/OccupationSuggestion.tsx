/**
 * Under the occupation picker: the classifier's suggestion for the title typed so far
 * (POST /api/occupations/classify, debounced), with one-click 采用 and the next candidates.
 * The employer stays in charge: nothing changes until a button is pressed, and the picker stays editable.
 */
import { Button, Flex, type FormInstance, Form, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { JobFormValues } from './job-form-values.js';
import { useDebounced } from './useDebounced.js';

interface Candidate {
  code: string;
  name: string;
  score: number;
}
interface Suggestion {
  code: string | null;
  name: string | null;
  score: number;
  candidates: Candidate[];
  matched: string[];
}

function useSuggestion(title: string, description: string) {
  const t = useDebounced(title.trim().slice(0, 200), 400);
  const d = useDebounced(description.slice(0, 5000), 800);
  const [state, setState] = useState<{ data: Suggestion | null; loading: boolean; failed: boolean }>({ data: null, loading: false, failed: false });
  useEffect(() => {
    if (!t) {
      setState({ data: null, loading: false, failed: false });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    api<Suggestion>('/api/occupations/classify', { method: 'POST', body: { title: t, ...(d.trim() ? { description: d } : {}), limit: 4 }, signal: ctrl.signal })
      .then((data) => setState({ data, loading: false, failed: false }))
      .catch(() => {
        if (!ctrl.signal.aborted) setState({ data: null, loading: false, failed: true });
      });
    return () => ctrl.abort();
  }, [t, d]);
  return state;
}

export function OccupationSuggestion({ form }: { form: FormInstance<JobFormValues> }) {
  const { t } = useI18n();
  const title: string = Form.useWatch('title', form) ?? '';
  const description: string = Form.useWatch('description', form) ?? '';
  const current: string | undefined = Form.useWatch('occupationCode', form);
  const { data, loading, failed } = useSuggestion(title, description);
  if (!title.trim()) return null;
  const adopt = (code: string) => form.setFields([{ name: 'occupationCode', value: code, errors: [] }]);
  const best = data?.code ? data : null;
  const others = (data?.candidates ?? []).slice(1);
  return (
    <div className="occupation-suggestion" data-testid="occupation-suggestion" aria-live="polite" aria-busy={loading} style={{ marginTop: 4 }}>
      {failed ? (
        <Typography.Text type="secondary">{t('occupationSuggest.unavailable')}</Typography.Text>
      ) : !data ? (
        <Typography.Text type="secondary">{t('occupationSuggest.loading')}</Typography.Text>
      ) : !best?.code ? (
        <Typography.Text type="secondary" data-testid="occupation-suggestion-none">
          {t('occupationSuggest.none')}
        </Typography.Text>
      ) : (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Flex wrap gap={8} align="center">
            <Typography.Text type="secondary">{t('occupationSuggest.heading')}</Typography.Text>
            <Typography.Text strong data-testid="occupation-suggestion-top" data-code={best.code}>
              {t('occupationSuggest.suggestion', { name: best.name ?? '', code: best.code })}
            </Typography.Text>
            <Tag>{t('occupationSuggest.score', { score: Math.round(best.score * 100) })}</Tag>
            {current === best.code ? (
              <Tag color="success">{t('occupationSuggest.adopted')}</Tag>
            ) : (
              <Button size="small" type="primary" ghost onClick={() => best.code && adopt(best.code)} data-testid="occupation-adopt">
                {t('occupationSuggest.adopt')}
              </Button>
            )}
          </Flex>
          {best.matched.length > 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('occupationSuggest.why', { terms: best.matched.join('、') })}
            </Typography.Text>
          ) : null}
          {others.length > 0 ? (
            <Flex wrap gap={6} align="center">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('occupationSuggest.others')}
              </Typography.Text>
              {others.map((c) => (
                <Button
                  key={c.code}
                  size="small"
                  type={current === c.code ? 'primary' : 'default'}
                  aria-label={t('occupationSuggest.adoptOther', { name: c.name, code: c.code })}
                  onClick={() => adopt(c.code)}
                  data-testid="occupation-candidate"
                  data-code={c.code}
                >
                  {c.name}
                </Button>
              ))}
            </Flex>
          ) : null}
        </Space>
      )}
    </div>
  );
}

import { Alert, Button } from 'antd';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatError } from '../i18n/format-error.js';

/** Shows a translated error (or nothing); offers a retry when given one. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const i18n = useI18n();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={formatError(i18n, error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {i18n.t('common.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}

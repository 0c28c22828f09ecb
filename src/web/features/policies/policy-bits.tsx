/** Types and small pieces shared by the policy pages: money, status tags, flags, conditions, reason modal. */
import { Form, Input, List, Modal, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { AmountRule, AnomalyFlag, ClaimStatus, EligibilityVerdict } from '../../../shared/policies.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';

export interface PolicySummary {
  id: string;
  code: string;
  name: string;
  applicantKind: 'person' | 'organisation';
  subjectKind: string;
  regionName: string;
  department: string;
  summary: string;
  autoGrant: boolean;
  windowFrom: string;
  windowTo: string | null;
  amountRule: AmountRule;
}

export interface PolicyDetail extends PolicySummary {
  explanation: string;
  legalBasis: { title: string; issuer?: string; docNo?: string }[];
  qa: { q: string; a: string }[];
  materials: string[];
  noticeWorkingDays: number;
  budgets: { regionCode: string; regionName: string; year: number; totalFen: number; committedFen: number; paidFen: number }[];
}

export interface ConditionView {
  kind: string;
  text: string;
  passed: boolean;
  final: boolean;
  actual: string;
  remedy: string | null;
  children?: ConditionView[];
}

export interface EligibilityItem {
  policyId: string;
  code: string;
  name: string;
  summary: string;
  autoGrant: boolean;
  verdict: EligibilityVerdict;
  subject: { kind: string; ref: string; label: string } | null;
  amountFen: number | null;
  conditions: ConditionView[];
  failing: { text: string; actual: string; remedy: string | null; final: boolean }[];
}

export interface ClaimView {
  id: string;
  policyId: string;
  policyName: string;
  policyCode: string;
  status: ClaimStatus;
  regionName: string;
  applicantName: string;
  subjectKind: string;
  occupationCode: string | null;
  levelCode: string | null;
  amountFen: number;
  prefilled: boolean;
  flags: AnomalyFlag[];
  payeeBank: string | null;
  payeeAccountMasked: string | null;
  assignedToMe: boolean;
  assigned: boolean;
  noticeFrom: string | null;
  noticeUntil: string | null;
  lastReason: string | null;
  evaluation: { conditions?: ConditionView[] } | null;
  submittedAt: string | null;
  createdAt: string;
  paidAt: string | null;
  allowedActions: string[];
}

/** 分 → "¥1,500.00". */
export function money(fen: number): string {
  const yuan = Math.trunc(fen / 100);
  return `¥${yuan.toLocaleString('en-US')}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
}

const LEVELS: Record<string, string> = { '5': '五级', '4': '四级', '3': '三级', '2': '二级', '1': '一级' };
export const levelName = (code: string | null) => (code ? (LEVELS[code] ?? code) : '');

export function useAmountText() {
  const { t } = useI18n();
  return (rule: AmountRule): string => {
    const cap = rule.capFen !== undefined ? t('policies.amount.cap', { cap: money(rule.capFen) }) : '';
    switch (rule.kind) {
      case 'fixed':
        return t('policies.amount.fixed', { amount: money(rule.fen) }) + cap;
      case 'catalogue':
        return t('policies.amount.catalogue') + cap;
      case 'by_level':
        return (
          t('policies.amount.by_level', {
            levels: Object.entries(rule.fenByLevel)
              .sort(([a], [b]) => Number(b) - Number(a))
              .map(([l, f]) => `${levelName(l)} ${money(f)}`)
              .join('、'),
          }) + cap
        );
      case 'fee_share':
        return t('policies.amount.fee_share', { percent: rule.perMille / 10 }) + cap;
      case 'assessed':
        return t('policies.amount.assessed') + cap;
    }
  };
}

const STATUS_COLOR: Partial<Record<ClaimStatus, string>> = {
  prefilled: 'gold',
  on_hold: 'red',
  returned: 'orange',
  public_notice: 'blue',
  approved: 'cyan',
  in_batch: 'geekblue',
  paid: 'green',
  rejected: 'red',
  appealed: 'purple',
};

export function ClaimStatusTag({ status }: { status: ClaimStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="claim-status" data-status={status}>
      {t(`policies.status.${status}` as MessageKey)}
    </Tag>
  );
}

const VERDICT_COLOR: Record<EligibilityVerdict, string> = { eligible: 'green', not_yet: 'gold', not_eligible: 'default' };
export function VerdictTag({ verdict }: { verdict: EligibilityVerdict }) {
  const { t } = useI18n();
  return (
    <Tag color={VERDICT_COLOR[verdict]} data-verdict={verdict}>
      {t(`policies.verdict.${verdict}` as MessageKey)}
    </Tag>
  );
}

export function FlagList({ flags }: { flags: AnomalyFlag[] }) {
  const { t } = useI18n();
  if (!flags.length) return null;
  return (
    <ul className="policy-flags" data-testid="claim-flags">
      {flags.map((f) => (
        <li key={f.code}>
          <Typography.Text type="danger">{t(`policies.flags.${f.code}` as MessageKey, f.params)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** Each condition with ✓/✗, the value the platform saw and what would change it. */
export function ConditionList({ conditions }: { conditions: ConditionView[] }) {
  const { t } = useI18n();
  return (
    <List
      size="small"
      dataSource={conditions}
      renderItem={(c) => (
        <List.Item data-testid="condition" data-passed={String(c.passed)}>
          <div>
            <Typography.Text type={c.passed ? 'success' : c.final ? 'danger' : 'warning'}>
              {c.passed ? '✓ ' : '✗ '}
              {c.text}
            </Typography.Text>
            <span className="policy-muted">
              （{c.passed ? t('policies.mine.conditionPassed') : t('policies.mine.conditionFailed')}；{c.actual}）
            </span>
            {!c.passed && c.remedy ? (
              <div className="policy-remedy">
                {t('policies.mine.remedy')}
                {c.remedy}
              </div>
            ) : null}
          </div>
        </List.Item>
      )}
    />
  );
}

export function ReasonModal({
  open,
  title,
  busy,
  onOk,
  onCancel,
}: {
  open: boolean;
  title: ReactNode;
  busy: boolean;
  onOk: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void form.validateFields().then((v) => onOk(v.reason))}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('policies.review.reasonTitle')}
          rules={[{ required: true, whitespace: true, message: t('policies.review.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

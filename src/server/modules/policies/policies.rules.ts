/**
 * The one eligibility engine (ADR 0014). A policy's conditions are data (`Rule`: all / any / not over
 * conditions on named facts); `evaluate` walks the rule against the facts the platform holds and
 * returns, for each condition, whether it holds, a Chinese explanation, the value it saw, and what would
 * change the result. A failure is `final` when nothing the applicant can do changes it (an age limit,
 * an earlier payment, the wrong kind of organisation); otherwise the verdict is "not yet".
 * Pure: no database, so the same function runs in tests, in the eligibility page and in the 免申即享 task.
 */
import type { Condition, ConditionOutcome, EligibilityVerdict, FactKey, Rule } from '../../../shared/policies.js';
import { VENTURE_STAGE_NAMES } from '../../../shared/ventures.js';

export type FactValue = string | number | boolean | null | undefined;
export type Facts = Partial<Record<FactKey, FactValue>>;

export interface EvalEnv {
  /** The policy's own region (`within: '$policyRegion'`). */
  policyRegion: string;
  /** Names for region codes (e.g. 360700 → 赣州市). */
  regionName(code: string): string;
  /** Names for occupation codes, when known. */
  occupationName?(code: string): string | undefined;
}

export interface RuleNode extends ConditionOutcome {
  kind: 'all' | 'any' | 'not' | 'condition';
  fact?: FactKey;
  children?: RuleNode[];
}

export interface Evaluation {
  verdict: EligibilityVerdict;
  tree: RuleNode;
  /** Leaf conditions, in rule order. */
  conditions: RuleNode[];
  /** Failed leaf conditions. */
  failing: RuleNode[];
}

const LEVEL_NAMES: Record<string, string> = { '5': '五级/初级工', '4': '四级/中级工', '3': '三级/高级工', '2': '二级/技师', '1': '一级/高级技师' };
const ORG_KIND_NAMES: Record<string, string> = {
  employer: '用人单位',
  provider: '培训机构',
  evaluator: '评价机构',
  agency: '人力资源服务机构',
  host: '设站单位',
};

interface FactMeta {
  label: string;
  unit?: string;
  type: 'region' | 'number' | 'bool' | 'code' | 'level' | 'orgKind' | 'stage';
  /** Failing on this fact can never be changed by the applicant (given the fact is known). */
  final?: boolean | ((c: Condition) => boolean);
  /** What to do when the platform does not know the fact yet. */
  whenMissing: string;
}

const FACTS: Record<FactKey, FactMeta> = {
  residenceCity: { label: '常住地', type: 'region', whenMissing: '在账号中填写常住地' },
  workplaceCity: { label: '就业地', type: 'region', whenMissing: '在“我的政策资格”中填写就业地（所在城市）' },
  hukouCity: { label: '户籍地', type: 'region', whenMissing: '在“我的政策资格”中填写户籍所在地' },
  insuredMonths: {
    label: '失业保险累计缴费月数',
    unit: '个月',
    type: 'number',
    final: (c) => c.op === 'lte' || c.op === 'lt',
    whenMissing: '在“我的政策资格”中填写失业保险累计缴费月数（经办时以社保记录核验）',
  },
  age: { label: '年龄', unit: '周岁', type: 'number', final: (c) => c.op === 'lte' || c.op === 'lt', whenMissing: '在账号中登记有效的居民身份证号码' },
  'certificate.occupationCode': { label: '证书职业（工种）', type: 'code', whenMissing: '取得职业技能等级证书或职业资格证书' },
  'certificate.levelCode': { label: '证书等级', type: 'level', whenMissing: '取得职业技能等级证书或职业资格证书' },
  'certificate.inCatalogue': {
    label: '证书职业（工种）及等级在发证之日有效的职业培训补贴目录内',
    type: 'bool',
    whenMissing: '取得补贴目录内职业（工种）的职业技能等级证书',
  },
  'certificate.ageMonths': { label: '证书取得至今', unit: '个月', type: 'number', final: true, whenMissing: '取得职业技能等级证书' },
  'course.completed': { label: '已完成培训课程并结业', type: 'bool', whenMissing: '报名并完成补贴目录内职业（工种）的培训课程' },
  'course.subsidised': { label: '所学课程属于职业培训补贴目录内职业（工种）', type: 'bool', whenMissing: '报名补贴目录内职业（工种）的培训课程' },
  'course.levelCode': { label: '课程培训等级', type: 'level', whenMissing: '报名并完成培训课程' },
  previousClaims: { label: '同一政策、职业和等级已享受或在办的补贴', unit: '次', type: 'number', final: true, whenMissing: '' },
  'org.kind': { label: '单位类型', type: 'orgKind', final: true, whenMissing: '以单位账号登录' },
  'org.verified': { label: '单位已通过认证', type: 'bool', whenMissing: '完成单位认证' },
  'org.city': { label: '单位所在地', type: 'region', final: true, whenMissing: '完成单位认证' },
  'org.approvedDigitalStations': {
    label: '经批准的数字经济领域博士后工作站或创新实践基地',
    unit: '个',
    type: 'number',
    whenMissing: '在平台登记工作站并经人社部门确认',
  },
  'venture.published': { label: '创业项目已在平台发布', type: 'bool', whenMissing: '在“我的创业项目”中创建项目并提交审核发布' },
  'venture.incubating': { label: '创业项目正在孵化载体（孵化器、加速器、众创空间）孵化', type: 'bool', whenMissing: '在“我的创业项目”中申请入驻孵化载体' },
  'venture.city': { label: '创业项目所在地', type: 'region', whenMissing: '在“我的创业项目”中创建项目并填写所在地区' },
  'venture.stage': { label: '创业项目阶段', type: 'stage', whenMissing: '在“我的创业项目”中创建项目并填写项目阶段' },
};

function isMissing(v: FactValue): v is null | undefined {
  return v === null || v === undefined || v === '';
}

function show(meta: FactMeta, v: FactValue | readonly (string | number)[], env: EvalEnv): string {
  if (Array.isArray(v)) return v.map((x) => show(meta, x, env)).join('、');
  if (isMissing(v as FactValue)) return '未知';
  switch (meta.type) {
    case 'region':
      return env.regionName(String(v));
    case 'level':
      return LEVEL_NAMES[String(v)] ?? String(v);
    case 'orgKind':
      return ORG_KIND_NAMES[String(v)] ?? String(v);
    case 'stage':
      return VENTURE_STAGE_NAMES[String(v) as keyof typeof VENTURE_STAGE_NAMES] ?? String(v);
    case 'code': {
      const name = env.occupationName?.(String(v));
      return name ? `${name}（${String(v)}）` : String(v);
    }
    case 'bool':
      return v ? '是' : '否';
    case 'number':
      return `${String(v)}${meta.unit ?? ''}`;
  }
}

function conditionText(c: Condition, meta: FactMeta, env: EvalEnv): string {
  if (c.label) return c.label;
  const value = c.value === '$policyRegion' ? env.policyRegion : c.value;
  const v = value === undefined ? '' : show(meta, value as FactValue, env);
  switch (c.op) {
    case 'eq':
      return `${meta.label}为${v}`;
    case 'ne':
      return `${meta.label}不为${v}`;
    case 'in':
      return `${meta.label}属于${v}`;
    case 'not_in':
      return `${meta.label}不属于${v}`;
    case 'gte':
      return `${meta.label}不少于${v}`;
    case 'gt':
      return `${meta.label}多于${v}`;
    case 'lte':
      return `${meta.label}不超过${v}`;
    case 'lt':
      return `${meta.label}少于${v}`;
    case 'exists':
      return `已登记${meta.label}`;
    case 'is_true':
      return meta.label;
    case 'is_false':
      return `并非“${meta.label}”`;
    case 'within':
      return `${meta.label}在${v}`;
  }
}

function holds(c: Condition, actual: FactValue, env: EvalEnv): boolean {
  const value = c.value === '$policyRegion' ? env.policyRegion : c.value;
  switch (c.op) {
    case 'exists':
      return !isMissing(actual);
    case 'is_true':
      return actual === true;
    case 'is_false':
      return actual === false;
    default:
      break;
  }
  if (isMissing(actual)) return false;
  switch (c.op) {
    case 'eq':
      return String(actual) === String(value);
    case 'ne':
      return String(actual) !== String(value);
    case 'in':
      return Array.isArray(value) && value.map(String).includes(String(actual));
    case 'not_in':
      return Array.isArray(value) && !value.map(String).includes(String(actual));
    case 'gte':
      return Number(actual) >= Number(value);
    case 'gt':
      return Number(actual) > Number(value);
    case 'lte':
      return Number(actual) <= Number(value);
    case 'lt':
      return Number(actual) < Number(value);
    case 'within':
      return typeof value === 'string' && regionWithin(value, String(actual));
  }
}

/** Region `inner` lies in `outer` (province 360000 contains every 36xxxx; a city its counties). */
export function regionWithin(outer: string, inner: string): boolean {
  if (outer.endsWith('0000')) return inner.startsWith(outer.slice(0, 2));
  if (outer.endsWith('00')) return inner.startsWith(outer.slice(0, 4));
  return inner === outer;
}

function remedyFor(c: Condition, meta: FactMeta, actual: FactValue, env: EvalEnv): string {
  if (isMissing(actual) && c.op !== 'is_false') return meta.whenMissing;
  const value = c.value === '$policyRegion' ? env.policyRegion : c.value;
  if (meta.type === 'number' && (c.op === 'gte' || c.op === 'gt')) {
    const need = Number(value) - Number(actual) + (c.op === 'gt' ? 1 : 0);
    return `还差 ${need}${meta.unit ?? ''}，满足后即可申请`;
  }
  if (meta.type === 'region') return `在${show(meta, value as FactValue, env)}居住或就业后，按当地规定申请`;
  if (meta.type === 'level') return `取得${show(meta, value as FactValue, env)}等级后即可申请`;
  if (meta.type === 'bool') return meta.whenMissing;
  return `满足“${conditionText(c, meta, env)}”后即可申请`;
}

function isFinal(c: Condition, meta: FactMeta, actual: FactValue): boolean {
  if (isMissing(actual)) return false;
  if (meta.type === 'region' && meta.final === undefined) return true;
  return typeof meta.final === 'function' ? meta.final(c) : Boolean(meta.final);
}

function evalNode(rule: Rule, facts: Facts, env: EvalEnv): RuleNode {
  if ('all' in rule) {
    const children = rule.all.map((r) => evalNode(r, facts, env));
    const passed = children.every((c) => c.passed);
    return group('all', '同时满足以下条件', children, passed, !passed && children.some((c) => !c.passed && c.final));
  }
  if ('any' in rule) {
    const children = rule.any.map((r) => evalNode(r, facts, env));
    const passed = children.some((c) => c.passed);
    return group('any', '满足以下条件之一', children, passed, !passed && children.every((c) => c.final));
  }
  if ('not' in rule) {
    const child = evalNode(rule.not, facts, env);
    const text = rule.label ?? `不满足：${child.text}`;
    return { kind: 'not', text, passed: !child.passed, final: child.passed, actual: child.actual, remedy: null, children: [child] };
  }
  const meta = FACTS[rule.fact];
  const actual = facts[rule.fact];
  const passed = holds(rule, actual, env);
  const final = !passed && isFinal(rule, meta, actual);
  return {
    kind: 'condition',
    fact: rule.fact,
    text: conditionText(rule, meta, env),
    passed,
    final,
    actual: `当前：${show(meta, actual, env)}`,
    remedy: passed || final ? null : remedyFor(rule, meta, actual, env) || null,
  };
}

function group(kind: 'all' | 'any', text: string, children: RuleNode[], passed: boolean, final: boolean): RuleNode {
  return { kind, text, passed, final, actual: '', remedy: null, children };
}

function leaves(n: RuleNode, out: RuleNode[] = []): RuleNode[] {
  if (n.kind === 'condition' || n.kind === 'not') out.push(n);
  else for (const c of n.children ?? []) leaves(c, out);
  return out;
}

/** The failed conditions that make the result fail (not those of an `any` group that another member satisfied). */
function failingLeaves(n: RuleNode, out: RuleNode[] = []): RuleNode[] {
  if (n.passed) return out;
  if (n.kind === 'condition' || n.kind === 'not') out.push(n);
  else for (const c of n.children ?? []) failingLeaves(c, out);
  return out;
}

export function evaluate(rule: Rule, facts: Facts, env: EvalEnv): Evaluation {
  const tree = evalNode(rule, facts, env);
  const conditions = leaves(tree);
  const failing = failingLeaves(tree);
  const verdict: EligibilityVerdict = tree.passed ? 'eligible' : tree.final ? 'not_eligible' : 'not_yet';
  return { verdict, tree, conditions, failing };
}

/** Facts a rule names (so the platform gathers only those it needs, e.g. age only where a policy asks). */
export function factsNamed(rule: Rule, out = new Set<FactKey>()): Set<FactKey> {
  if ('all' in rule) for (const r of rule.all) factsNamed(r, out);
  else if ('any' in rule) for (const r of rule.any) factsNamed(r, out);
  else if ('not' in rule) factsNamed(rule.not, out);
  else out.add(rule.fact);
  return out;
}

export { LEVEL_NAMES };

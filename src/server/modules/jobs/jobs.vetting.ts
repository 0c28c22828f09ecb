/**
 * 招聘广告审核: finds wording that discriminates by gender, age, ethnicity, region, marital or
 * childbearing status, or 户籍 (就业促进法 第三条、第二十七条; 网络招聘服务管理规定 第十五条; 人社部 2019
 * 关于进一步规范招聘行为促进妇女就业的通知). Pure: a table of patterns, no I/O.
 *
 * Precision over recall: appearance (身高, 形象气质) is not in the legal list and is not flagged; a
 * neutral phrase (男女不限, 不限户籍, 年龄不限, 已婚未婚均可, 年满18周岁) must never be flagged.
 * Patterns are read against the NFKC-normalised text (full-width digits and colons become ASCII).
 */
import type { VettingCategory } from '../../../shared/jobs.js';

export interface VettingFinding {
  category: VettingCategory;
  phrase: string;
  start: number;
  end: number;
  rule: string;
}

interface Rule {
  id: string;
  category: VettingCategory;
  pattern: RegExp;
  /** Not a finding when the text right after the match matches (e.g. 均可 after 已婚未婚). */
  unlessAfter?: RegExp;
  /** Not a finding when the text right before the match matches (e.g. 协助办理 before 本市户籍). */
  unlessBefore?: RegExp;
  /** Extra check on the match (e.g. an age bound below 18 protects minors and is lawful). */
  accept?: (m: RegExpExecArray) => boolean;
}

const PLACE =
  '(?:本地|当地|本市|本省|本县|本区|外地|外省|外市|农村|东北|新疆|西藏|河南|河北|湖南|湖北|四川|广东|广西|福建|安徽|江西|江苏|浙江|山东|山西|陕西|甘肃|贵州|云南|海南|辽宁|吉林|黑龙江|内蒙古?|宁夏|青海|重庆|北京|上海|天津|南昌|赣州|九江|上饶|抚州|宜春|吉安|景德镇|萍乡|新余|鹰潭)(?:省|市|县|区)?';
const SEX = '(?:男|女)(?:性|士|生|工)?';
const NOT_NEUTRAL = /^[^，。；,;\n]{0,6}(?:均可|皆可|不限|都可|亦可|均欢迎)/;
const upperAgeAtLeast18 = (m: RegExpExecArray) => Number(m.groups?.age ?? '99') >= 18;

const RULES: readonly Rule[] = [
  // gender
  { id: 'gender.limited', category: 'gender', pattern: new RegExp(`(?<!不)(?:仅|只)?限(?:于)?${SEX}(?![男女])`, 'g') },
  { id: 'gender.preferred', category: 'gender', pattern: new RegExp(`(?<![男女])${SEX}(?:者)?优先`, 'g') },
  { id: 'gender.only_hire', category: 'gender', pattern: new RegExp(`(?:只|仅)(?:招|要|收)(?:聘|收)?${SEX}(?![男女])`, 'g') },
  { id: 'gender.hire', category: 'gender', pattern: /(?<![不只仅])招(?:聘|收)?(?:男|女)(?:性|士|工)(?![男女])/g },
  { id: 'gender.required', category: 'gender', pattern: /性别(?:要求|限制)?\s*[:：为]?\s*(?:限)?(?:男|女)(?:性|士|生)?(?![男女不])/g },
  { id: 'gender.excluded', category: 'gender', pattern: new RegExp(`${SEX}(?:勿扰|免谈|不要|不招|谢绝)`, 'g') },
  // age
  {
    id: 'age.upper_bound',
    category: 'age',
    pattern: /(?<!\d)(?<age>\d{2})\s*(?:周岁|岁)\s*(?:以下|以内|之下|之内)/g,
    accept: upperAgeAtLeast18,
  },
  {
    id: 'age.not_over',
    category: 'age',
    pattern: /(?:年龄|年纪)[^，。；,;\n]{0,6}?(?:不超过|不得超过|不大于|不高于|低于|小于|不超)\s*(?<age>\d{2})/g,
    accept: upperAgeAtLeast18,
  },
  { id: 'age.range', category: 'age', pattern: /(?<!\d)\d{2}\s*(?:周岁|岁)?\s*[-~～—–至到]\s*(?<age>\d{2})\s*(?:周岁|岁)/g, accept: upperAgeAtLeast18 },
  { id: 'age.generation', category: 'age', pattern: /(?<![\d.])(?:[5-9][05]|0[05])\s*后(?![台端期续面])/g },
  { id: 'age.over_excluded', category: 'age', pattern: /(?<!\d)\d{2}\s*(?:周岁|岁)\s*以上(?:者|人员)?(?:勿扰|免谈|不要|不招|不考虑|谢绝)/g },
  { id: 'age.young', category: 'age', pattern: /(?:限|仅限|只招)年轻(?:人|女性|男性)?/g },
  // ethnicity
  { id: 'ethnicity.han', category: 'ethnicity', pattern: /(?:限|仅限|只招|要求|须为|需为)?汉族(?:人|优先)?/g, unlessBefore: /不限$/ },
  { id: 'ethnicity.excluded', category: 'ethnicity', pattern: /(?:少数民族|维吾尔族|藏族|回族|蒙古族|彝族)(?:人员)?(?:除外|勿扰|免谈|不要|不招|谢绝|不考虑)/g },
  { id: 'ethnicity.field', category: 'ethnicity', pattern: /民族\s*[:：]\s*(?:限)?汉/g },
  // 户籍 (before region so that 本市户籍 is reported as 户籍)
  {
    id: 'hukou.local',
    category: 'hukou',
    pattern: new RegExp(`(?:${PLACE}|城镇|非农|农业|城市)(?:常住)?户(?:口|籍)`, 'g'),
    unlessBefore: /(?:解决|办理|协助|帮助|可|迁入|落)$/,
    unlessAfter: /^(?:落户|迁入|不限|均可)/,
  },
  { id: 'hukou.required', category: 'hukou', pattern: /(?<!不)(?:限|仅限|要求|需|须)(?:持有|具有|具备|为)?[\u4e00-\u9fa5]{0,4}户(?:口|籍)(?!不限)/g },
  { id: 'hukou.field', category: 'hukou', pattern: /户(?:口|籍)(?:要求|所在地)?\s*[:：]\s*(?:限)?[\u4e00-\u9fa5]{1,6}(?:省|市|县|区|户口)/g },
  // region (籍贯, 地域)
  { id: 'region.limited', category: 'region', pattern: new RegExp(`(?:限|仅限|只招|只要|只限|要求)${PLACE}(?:籍|人)(?![才员力事])`, 'g') },
  { id: 'region.preferred', category: 'region', pattern: new RegExp(`${PLACE}(?:籍|人)(?:优先|勿扰|免谈|不要|不招|除外|谢绝)`, 'g') },
  { id: 'region.excluded', category: 'region', pattern: new RegExp(`(?:非|不招|不要|谢绝|拒绝)${PLACE}(?:籍|人)(?![才员力事])`, 'g') },
  { id: 'region.origin', category: 'region', pattern: new RegExp(`籍贯(?:要求)?\\s*[:：为]?\\s*(?:限)?${PLACE}`, 'g') },
  // marital status
  {
    id: 'marital.status',
    category: 'marital',
    pattern: /(?:限|仅限|要求|需|须)?(?:已婚|未婚)(?:者)?(?:优先)?/g,
    unlessAfter: NOT_NEUTRAL,
    unlessBefore: /(?:已婚|未婚)$/,
  },
  { id: 'marital.single', category: 'marital', pattern: /(?:限|仅限|要求)单身|单身(?:者)?优先/g },
  { id: 'marital.field', category: 'marital', pattern: /婚(?:姻状况|否)\s*[:：]\s*(?:已|未)/g },
  // childbearing
  {
    id: 'childbearing.status',
    category: 'childbearing',
    pattern: /(?:已婚)?(?:已育|未育)(?:者)?(?:优先)?/g,
    unlessAfter: NOT_NEUTRAL,
    unlessBefore: /(?:已育|未育)$/,
  },
  {
    id: 'childbearing.plan',
    category: 'childbearing',
    pattern: /(?:近|最近)?[一二两三四五1-5]\s*年(?:内)?(?:无|没有|不)(?:生育|怀孕|要孩子|生孩子|生二胎|要二胎)(?:计划|打算)?/g,
  },
  { id: 'childbearing.no_plan', category: 'childbearing', pattern: /(?:无|没有|暂无)(?:生育|怀孕|二胎|三胎|备孕|要孩子)(?:计划|打算|需求)/g },
  { id: 'childbearing.pregnancy', category: 'childbearing', pattern: /(?:孕妇|孕期|哺乳期|怀孕)(?:者|人员|女性)?(?:勿扰|免谈|不招|除外|谢绝|不考虑)/g },
  { id: 'childbearing.refused', category: 'childbearing', pattern: /不(?:接受|招|录用)(?:孕妇|怀孕|哺乳期|孕期)/g },
];

/** The findings in `text`, in order. Overlapping findings of one category (or of 户籍 and 地域) are merged into one. */
export function vet(text: string): VettingFinding[] {
  const normalised = text.normalize('NFKC');
  // NFKC may change lengths; positions must index the original text, so only use it when lengths agree.
  const source = normalised.length === text.length ? normalised : text;
  const found: VettingFinding[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(source); m; m = rule.pattern.exec(source)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      if (rule.unlessAfter?.test(source.slice(end, end + 12))) continue;
      if (rule.unlessBefore?.test(source.slice(Math.max(0, start - 6), start))) continue;
      if (rule.accept && !rule.accept(m)) continue;
      found.push({ category: rule.category, phrase: text.slice(start, end), start, end, rule: rule.id });
    }
  }
  return mergeOverlaps(text, found);
}

function mergeOverlaps(text: string, findings: VettingFinding[]): VettingFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: VettingFinding[] = [];
  for (const f of sorted) {
    const clash = kept.find((k) => f.start < k.end && k.start < f.end && sameFamily(k, f));
    if (!clash) {
      kept.push(f);
      continue;
    }
    const longer = f.end - f.start > clash.end - clash.start ? f : clash;
    const start = Math.min(clash.start, f.start);
    const end = Math.max(clash.end, f.end);
    kept.splice(kept.indexOf(clash), 1, { ...longer, start, end, phrase: text.slice(start, end) });
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** 户籍 and 地域 often describe the same phrase (本市户籍, 本地人): report it once, under the rule that matched more. */
function sameFamily(a: VettingFinding, b: VettingFinding): boolean {
  if (a.category === b.category) return true;
  const family = new Set<VettingCategory>(['hukou', 'region']);
  return family.has(a.category) && family.has(b.category);
}

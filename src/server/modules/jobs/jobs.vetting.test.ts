import { describe, expect, it } from 'vitest';
import type { VettingCategory } from '../../../shared/jobs.js';
import { vet } from './jobs.vetting.js';

/** [job-ad wording, category expected, phrase expected to be reported] */
const POSITIVE: [string, VettingCategory, string][] = [
  ['限男性，能适应出差', 'gender', '限男性'],
  ['仅限男生，吃苦耐劳', 'gender', '仅限男生'],
  ['男性优先，有驾照', 'gender', '男性优先'],
  ['女士优先', 'gender', '女士优先'],
  ['本岗位限女，形象好', 'gender', '限女'],
  ['性别要求：男', 'gender', '性别要求：男'],
  ['性别：女', 'gender', '性别：女'],
  ['只招男性操作工', 'gender', '只招男性'],
  ['招聘男工若干名', 'gender', '招聘男工'],
  ['女性勿扰，需要经常夜班', 'gender', '女性勿扰'],
  ['年龄35岁以下，本科', 'age', '35岁以下'],
  ['要求35周岁以下', 'age', '35周岁以下'],
  ['年龄不超过40岁', 'age', '年龄不超过40'],
  ['年龄要求不得超过45周岁', 'age', '年龄要求不得超过45'],
  ['18-35岁，身体健康', 'age', '18-35岁'],
  ['年龄20至30周岁', 'age', '20至30周岁'],
  ['限90后，团队氛围年轻', 'age', '90后'],
  ['85后优先', 'age', '85后'],
  ['45岁以上勿扰', 'age', '45岁以上勿扰'],
  ['限汉族', 'ethnicity', '限汉族'],
  ['汉族优先', 'ethnicity', '汉族优先'],
  ['少数民族除外', 'ethnicity', '少数民族除外'],
  ['民族：汉', 'ethnicity', '民族：汉'],
  ['限本地人，熟悉赣州路况', 'region', '限本地人'],
  ['本地人优先', 'region', '本地人优先'],
  ['非江西籍勿扰', 'region', '非江西籍勿扰'],
  ['不招河南人', 'region', '不招河南人'],
  ['外地人免谈', 'region', '外地人免谈'],
  ['籍贯：江西', 'region', '籍贯：江西'],
  ['需本地户口', 'hukou', '需本地户口'],
  ['要求本市户籍', 'hukou', '要求本市户籍'],
  ['须持有赣州户口', 'hukou', '须持有赣州户口'],
  ['户籍：南昌市', 'hukou', '户籍：南昌市'],
  ['城镇户口优先', 'hukou', '城镇户口'],
  ['已婚优先，稳定', 'marital', '已婚优先'],
  ['限未婚', 'marital', '限未婚'],
  ['单身优先', 'marital', '单身优先'],
  ['婚姻状况：已婚', 'marital', '婚姻状况：已婚'],
  ['已婚已育优先', 'childbearing', '已婚已育优先'],
  ['要求已育', 'childbearing', '已育'],
  ['近三年无生育计划', 'childbearing', '近三年无生育计划'],
  ['2年内不生育', 'childbearing', '2年内不生育'],
  ['无二胎计划者', 'childbearing', '无二胎计划'],
  ['孕妇勿扰', 'childbearing', '孕妇勿扰'],
  ['不接受哺乳期', 'childbearing', '不接受哺乳期'],
  ['年龄３５岁以下', 'age', '３５岁以下'],
];

const NEGATIVE: string[] = [
  '男女不限',
  '性别不限，年龄不限',
  '不限男女',
  '性别：男女不限',
  '不限户籍，欢迎外地人才',
  '户籍不限',
  '户籍：不限',
  '年龄不限，欢迎应届生',
  '欢迎应届毕业生投递',
  '年满18周岁',
  '18岁以上，身体健康',
  '不招收16周岁以下未成年人',
  '民族不限',
  '不限民族',
  '婚否不限',
  '已婚未婚均可',
  '已育未育均可',
  '熟悉本地市场，有客户资源者优先',
  '可协助办理本市户籍落户',
  '五险一金，带薪年假，女职工享受产假',
  '形象气质佳，身高165cm以上',
  '3-5年工作经验，薪资8000-12000元',
  'Java后端开发，熟悉后台管理系统',
  '35人研发团队，90%为本科以上',
  '有驾照优先，退役军人优先',
  '负责汉语言文学相关的文案编辑',
  '工作地点：南昌市红谷滩区',
  '面向全国招聘，支持异地办公',
  '入职后缴纳社保，试用期3个月后转正',
  '负责男装、女装类目的直播运营',
  '熟悉Python，SQL优先',
];

describe('vet()', () => {
  it.each(POSITIVE)('flags %s', (text, category, phrase) => {
    const findings = vet(text);
    const hit = findings.find((f) => f.category === category);
    expect(hit, JSON.stringify(findings)).toBeDefined();
    expect(hit?.phrase).toBe(phrase);
    expect(text.slice(hit?.start, hit?.end)).toBe(phrase);
  });

  it.each(NEGATIVE)('does not flag %s', (text) => {
    expect(vet(text)).toEqual([]);
  });

  it('has enough cases', () => {
    expect(POSITIVE.length).toBeGreaterThanOrEqual(30);
    expect(NEGATIVE.length).toBeGreaterThanOrEqual(20);
  });

  it('reports every finding of a long ad, in order', () => {
    const findings = vet('招聘数据分析师：限男性，年龄35岁以下，本地户口，已婚已育优先。');
    expect(findings.map((f) => f.category)).toEqual(['gender', 'age', 'hukou', 'marital', 'childbearing']);
  });
});

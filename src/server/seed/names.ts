/**
 * Word lists for synthetic people and organisations (data only). Weights are relative, not percentages.
 *
 * Surnames: the commonest national surnames, tilted towards Jiangxi (刘, 李, 王, 陈, 胡, 罗, 熊, 曾,
 * 邓, 钟, 万, 邹, 赖, 饶, 涂 rank higher there than nationally). Approximate, for realism only.
 */

import type { ConsentPurpose } from '../../shared/consent.js';
import type { OrgSize, OrgStatus } from '../../shared/organisations.js';
import type { OrgKind } from '../../shared/roles.js';

/** Parses space-separated `item:weight` pairs (the items are trusted constants of type T). */
function weighted<T extends string = string>(spec: string): (readonly [T, number])[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const [item = '', weight = '1'] = pair.split(':');
      return [item as T, Number(weight)] as const;
    });
}

export const SURNAMES: readonly (readonly [string, number])[] = weighted(
  '刘:70 李:60 王:55 陈:55 张:45 胡:40 黄:38 吴:35 罗:32 徐:30 杨:28 周:27 曾:25 邓:22 熊:22 钟:20 朱:20 ' +
    '彭:20 肖:18 万:16 余:16 郭:15 邹:15 谢:15 何:14 廖:14 赵:14 林:12 高:10 郑:10 唐:10 叶:10 汪:10 赖:10 许:9 ' +
    '袁:9 潘:9 程:9 邱:9 孙:8 梁:8 宋:8 曹:8 蒋:8 魏:8 付:8 方:8 江:8 冯:7 蔡:7 苏:7 丁:7 卢:7 夏:7 雷:7 龚:7 马:6 杜:6 ' +
    '姚:6 谭:6 范:6 石:6 陶:6 黎:6 毛:6 严:6 汤:6 董:6 饶:6 涂:6 韩:5 吕:5 任:5 沈:5 姜:5 陆:5 金:5 龙:5 贺:5 戴:5 田:5 ' +
    '聂:5 温:5 欧阳:5 于:4 尹:4 段:4 邵:4 崔:3 贾:3 白:3 孟:3 秦:3 薛:3 侯:3 史:3 顾:3 钱:3 武:3 孔:3 韦:2 闫:2 郝:2 莫:2 ' +
    '向:2 覃:1 ',
);

export const MALE_GIVEN = [...'伟强军磊勇杰涛斌超明华平辉鹏飞刚波建文俊峰浩宇博志国海林东亮鑫晨阳凯龙翔旭毅帆然轩睿泽铭昊诚嘉宏振瑞彬健坤锋胜荣兵伦'];
export const FEMALE_GIVEN = [...'芳娜敏静丽艳娟霞燕玲婷雪慧莉萍红琳洁琴颖倩梅蕾晶欣怡佳悦雯璐婧雨萱涵妍梦诗瑶琪岚菲媛婉薇琼秀凤兰英丹蓉'];
/** Characters used for both sexes, mostly as the first of two. */
export const NEUTRAL_GIVEN = [...'晓子思嘉文雨小志海春秋新家永建天明金玉一可若亦'];

/** 字号 parts: a trade name is two different characters, one from each list. */
export const TRADE_FIRST = [...'云数智华恒博鸿瑞赣洪豫庐昌江远创联信达新汇天中科融鼎卓睿鑫泰金宏晟隆腾章贡浔瓷莲井'];
export const TRADE_SECOND = [...'智联创达信通讯科锐拓捷迅优成和源途盛峰航启星辰维安驰图景泓坤宇'];

/** Words that follow the trade name in an employer's name, by GB/T 4754 division. */
export const INDUSTRY_WORDS: Readonly<Record<string, readonly string[]>> = {
  '39': ['电子', '电子科技', '智能制造', '光电科技', '微电子', '智能装备', '电子信息'],
  '63': ['通信技术', '信息网络', '通信工程', '网络科技'],
  '64': ['网络科技', '互联网科技', '电子商务', '数字科技', '信息服务'],
  '65': ['信息技术', '软件', '数据科技', '软件技术', '信息科技', '数字科技', '智能科技', '计算机技术'],
  '73': ['技术研究院', '工程技术研究院'],
};

/** Fields named in evaluation centres' names (职业技能评价中心). */
export const EVALUATION_FIELDS = ['数字技术', '信息技术', '电子信息', '智能制造', '软件', '职业技能'];

/** Street names for organisation addresses. */
export const ROADS = [
  '人民路',
  '解放路',
  '红旗大道',
  '长征路',
  '八一大道',
  '赣江大道',
  '创新大道',
  '科技大道',
  '青山路',
  '建设路',
  '中山路',
  '胜利路',
  '文明路',
  '滨江大道',
  '开发区大道',
  '高新大道',
];

/**
 * Mobile prefixes in use (China Mobile, China Unicom, China Telecom, China Broadnet), weighted
 * roughly by subscriber share: mobile numbers start 1[3-9].
 */
export const PHONE_PREFIXES: readonly (readonly [string, number])[] = weighted(
  '134:3 135:5 136:5 137:5 138:6 139:7 147:1 150:4 151:4 152:4 157:2 158:4 159:4 178:2 182:3 183:3 ' +
    '184:1 187:4 188:4 198:2 130:3 131:3 132:3 155:3 156:3 166:2 175:2 176:2 185:3 186:4 133:3 153:3 ' +
    '173:2 177:2 180:3 181:3 189:4 199:2 191:1 192:1 ',
);

/**
 * Resident population of the 11 设区市, millions (2020 census, approximate), keyed by city code.
 * Synthetic people are spread over counties in proportion.
 */
export const CITY_POPULATION: Readonly<Record<string, number>> = {
  '360100': 6.67, // 南昌
  '360200': 1.6, // 景德镇
  '360300': 1.8, // 萍乡
  '360400': 4.56, // 九江
  '360500': 1.2, // 新余
  '360600': 1.15, // 鹰潭
  '360700': 8.97, // 赣州
  '360800': 4.46, // 吉安
  '360900': 5.0, // 宜春
  '361000': 3.6, // 抚州
  '361100': 6.5, // 上饶
};

/** Kinds of the organisations a province-wide register holds, in proportion. */
export const ORG_KIND_MIX = weighted<OrgKind>('employer:85 provider:7 agency:4 evaluator:2 host:2');
export const ORG_SIZE_MIX = weighted<OrgSize>('micro:35 small:38 medium:20 large:7');
export const ORG_STATUS_MIX = weighted<OrgStatus>('verified:88 pending:10 returned:2');

/** GB 32100 登记管理部门 + 机构类别: 91 企业 (市场监管), 52 民办非企业单位 (民政), 12 事业单位 (机构编制). */
export type UsccType = '91' | '52' | '12';
/** First two characters of new organisation codes by issuer: 市场监管 MA, 民政 MJ, 编办 MB. */
export const ORG_CODE_PREFIX: Record<UsccType, string> = { '91': 'MA', '52': 'MJ', '12': 'MB' };
export const USCC_TYPE_MIX: Record<OrgKind, (readonly [UsccType, number])[]> = {
  employer: weighted<UsccType>('91:1'),
  agency: weighted<UsccType>('91:1'),
  provider: weighted<UsccType>('52:1'),
  evaluator: weighted<UsccType>('12:7 52:3'),
  host: weighted<UsccType>('91:7 12:3'),
};

/**
 * GB/T 4754 code prefixes (division or class) by kind, weighted: employers lean to the digital
 * economy (63 电信, 64 互联网, 65 软件和信息技术服务, 39 计算机通信电子设备制造); host units that are
 * public institutions are research institutes (73); providers 8391 职业技能培训, evaluators 8394
 * 教育辅助服务 (考试服务), agencies 726x 人力资源服务.
 */
export const INDUSTRY_MIX: Record<OrgKind | 'institute', (readonly [string, number])[]> = {
  employer: weighted('65:45 64:20 63:8 39:27'),
  host: weighted('65:6 39:4'),
  institute: weighted('73:1'),
  provider: weighted('8391:1'),
  evaluator: weighted('8394:1'),
  agency: weighted('7262:5 7269:3 7263:2'),
};

/** Age bands (from age: weight), 18–60, weighted towards 22–45 as a digital-talent register would be. */
export const AGE_BANDS = weighted('18:0.5 22:1.3 30:1.4 40:1.0 50:0.6');

/** Share of talents giving each consent: the two required ones always, the optional ones often. */
export const CONSENT_ODDS = weighted<ConsentPurpose>('privacy_policy:1 sensitive_pi:1 profile_to_employers:0.6 recommendations:0.7 policy_notices:0.5');

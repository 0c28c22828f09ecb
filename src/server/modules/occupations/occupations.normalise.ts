/**
 * Cleans a noisy job-posting title down to the words that name the job:
 * NFKC + lower case, salary and other bracketed notes, company names, place names (Jiangxi regions
 * from the catalogue plus major cities and provinces), recruiting words, headcount, perks, seniority.
 * `赣州市某某公司招聘Java开发(8-12K)` → `java开发`.
 */

/** Provinces and large cities outside Jiangxi that appear in postings (general knowledge). */
const OTHER_PLACES = [
  '北京',
  '上海',
  '天津',
  '重庆',
  '广州',
  '深圳',
  '杭州',
  '武汉',
  '长沙',
  '成都',
  '南京',
  '苏州',
  '厦门',
  '福州',
  '合肥',
  '郑州',
  '西安',
  '东莞',
  '佛山',
  '宁波',
  '青岛',
  '济南',
  '昆明',
  '贵阳',
  '南宁',
  '海口',
  '三亚',
  '无锡',
  '温州',
  '义乌',
  '珠海',
  '中山',
  '惠州',
  '泉州',
  '株洲',
  '衡阳',
  '岳阳',
  '郴州',
  '韶关',
  '汕头',
  '石家庄',
  '太原',
  '沈阳',
  '大连',
  '哈尔滨',
  '长春',
  '兰州',
  '乌鲁木齐',
  '呼和浩特',
  '银川',
  '西宁',
  '拉萨',
  '香港',
  '澳门',
  '台湾',
  '江西',
  '湖南',
  '湖北',
  '广东',
  '广西',
  '浙江',
  '江苏',
  '福建',
  '安徽',
  '河南',
  '河北',
  '山东',
  '山西',
  '四川',
  '云南',
  '贵州',
  '陕西',
  '甘肃',
  '海南',
  '辽宁',
  '吉林',
  '黑龙江',
  '内蒙古',
  '新疆',
  '西藏',
  '宁夏',
  '青海',
  '赣南',
  '赣北',
  '赣东',
  '赣西',
  '昌北',
  '昌南',
  '赣江新区',
  '南昌高新区',
  '经开区',
  '高新区',
  '开发区',
  '工业园区',
  '工业园',
  '全国',
  '省内',
  '省外',
  '本地',
  '市区',
  '县城',
  '城区',
  '异地',
  '周边',
];

/** Short forms that are also ordinary words; only removed with their 市/县/区 suffix. */
const AMBIGUOUS_SHORT = new Set([
  '新建',
  '东湖',
  '西湖',
  '昌江',
  '月湖',
  '莲花',
  '青云谱',
  '广信',
  '安源',
  '湘东',
  '万年',
  '永丰',
  '兴国',
  '会昌',
  '安福',
  '乐安',
  '资溪',
  '上高',
  '万安',
  '永新',
  '大余',
  '石城',
  '定南',
]);

/** Place names to strip, longest first: full names, and short forms (赣州市 → 赣州) unless ambiguous. */
export function placeNames(regionNames: readonly string[]): string[] {
  const set = new Set<string>(OTHER_PLACES);
  for (const full of regionNames) {
    if (!full) continue;
    set.add(full);
    const short = full.replace(/(自治县|新区|市|县|区)$/u, '');
    if (short !== full && short.length >= 2 && !AMBIGUOUS_SHORT.has(short)) set.add(short);
  }
  return [...set].sort((a, b) => b.length - a.length);
}

/** Bracket pairs after NFKC (full-width （） become ()). */
const BRACKETS = /[([{【〔〖《<「『]([^)\]}】〕〗》>」』]*)[)\]}】〕〗》>」』]?/gu;

/** A bracketed note that is not about the job itself: pay, perks, headcount, age, urgency, place. */
const NOTE = /\d|[kw千万元薪资酬险休吃住补急聘岁龄限男女]|提成|经验|学历|本科|大专|中专|应届|实习|优先|日结|周结|月结|入职|转正|社保|面议|包|长期|兼职|全职/u;

const SALARY = [
  /\d+\s*[-~～至到]\s*\d+\s*(?:周)?岁|\d+\s*(?:周)?岁(?:以下|以上)?|年龄不限/gu,
  /\d+(?:\.\d+)?\s*[kw千万]?\s*[-~～至到]\s*\d+(?:\.\d+)?\s*[kw千万]?(?:元)?(?:\/|每)?(?:月|年|天|日|时|小时)?(?:薪)?/gu,
  /\d+(?:\.\d+)?\s*[kw千万](?:\+|以上)?(?:\/月|每月|\/年)?/gu,
  /\d+\s*元(?:\/|每)?(?:月|天|日|小时|时)?(?:以上)?/gu,
  /(?:月薪|年薪|底薪|薪资|薪酬|工资|时薪|日薪|保底)[\d.kw千万元+\-~至到以上左右面议]*/gu,
  /面议|高薪|提成|绩效奖金|奖金/gu,
];

const COMPANY_SUFFIX = '(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|分公司|公司|工作室|事务所|合作社|商行|门诊部|诊所|有限)';
const COMPANY = new RegExp(`[\\p{Script=Han}a-z0-9·&]{0,24}?${COMPANY_SUFFIX}`, 'gu');

/** Recruiting words; 招聘 stays when it is the job (招聘专员, 招聘经理). */
const RECRUIT =
  /(?:高薪|紧急|火热|长期|急|诚|直|特|大量|现|面向社会)?(?:招聘|招募|聘请|聘用|诚聘|急聘|急招|直招|招工|招(?![商标生投聘]))(?!专员|主管|经理|顾问|助理|师|官|负责人|hr)|(?<![应招])聘/gu;

const NOISE_WORDS = [
  /\d+\s*(?:名|人|位|个)/gu,
  /(?:若干名|若干人|若干|数名|多名|一名|两名|二名|三名|五名|十名|不限)/gu,
  /(?:包吃包住|包吃住|包住|包吃|管吃住|五险一金|六险一金|五险|双休|单休|大小周|周末双休|年终奖|带薪年假|节日福利|年底双薪|十三薪|可住宿|提供住宿|交社保|缴纳社保|入职即缴)/gu,
  /(?:日结|周结|月结|当天结|可预支|无责底薪|保底)/gu,
  /(?:男女不限|限男性|限女性|限男|限女|男女|男性|女性|男士|女士|宝妈|退伍军人|在校学生|大学生)(?:优先|可|均可)?/gu,
  /(?:无经验可|经验不限|可无经验|有经验者优先|有经验优先|无需经验|零基础可|零基础|学历不限|可带|可培训|带薪培训|包培训|上岗)/gu,
  /(?:应届生|应届毕业生|应届|毕业生|实习生|见习生|实习|见习|兼职|全职|临时工|临时|短期工|短期|长期工|小时工|寒假工|暑假工|寒暑假工)/gu,
  /(?:资深|高级|中级|初级|首席|储备|预备|特聘|驻场|外派|在家|线上|远程|居家)/gu,
  /(?:岗位|职位|职务|岗)/gu,
  /(?:转正|可转正|入职|上班|包食宿|食宿|可投递|可投|投递)/gu,
  /(?:江西省|江西)/gu,
  /某某|某/gu,
];

/** Whole words (between separators) that say nothing about the job: education, experience, fillers. */
const NOISE_TOKEN =
  /^(?:(?:本科|大专|中专|硕士|博士|研究生|高中)(?:及)?以上(?:学历)?|本科|大专|中专|硕士|博士|研究生|学历|以上|经验|\d+(?:-\d+)?年(?:以上)?(?:经验)?|有证|持证|有证优先|证书优先|优先|可学徒|学徒可|熟手|熟练工|等|及|和|或|兼|与|可|均可|多|新|热招|hot|new)$/u;

export interface CleanedTitle {
  /** The cleaned, lower-case title: words separated by single spaces. */
  text: string;
  /** The parts that were taken out, for the explanation. */
  removed: string[];
}

function stripAll(text: string, pattern: RegExp, removed: string[]): string {
  return text.replace(pattern, (m) => {
    if (m.trim()) removed.push(m.trim());
    return ' ';
  });
}

export function makeNormaliser(places: readonly string[]) {
  const placeRe = places.length > 0 ? new RegExp(places.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu') : null;

  return function cleanTitle(raw: string): CleanedTitle {
    const removed: string[] = [];
    let t = raw.normalize('NFKC').toLowerCase();
    // bracketed notes: drop pay/perk/headcount notes, keep the rest as plain words (java开发(后端) → java开发 后端)
    t = t.replace(BRACKETS, (m, inner: string) => {
      if (NOTE.test(inner)) {
        removed.push(m);
        return ' ';
      }
      return ` ${inner} `;
    });
    for (const re of SALARY) t = stripAll(t, re, removed);
    // "<company>招聘<job>": the job is what follows the last recruiting word
    const parts = t.split(RECRUIT);
    if (parts.length > 1) {
      const last = parts[parts.length - 1]?.trim() ?? '';
      const before = parts.slice(0, -1).join(' ').trim();
      if (last.length >= 2) {
        if (before) removed.push(before);
        t = last;
      } else t = parts.join(' ');
    }
    const withCompany: string[] = [];
    let text = finish(stripAll(t, COMPANY, withCompany), withCompany);
    if (text) removed.push(...withCompany);
    else {
      // the company pattern swallowed the job too (销售经理江西某某有限公司): keep the words, drop only the suffix
      text = finish(t.replace(new RegExp(COMPANY_SUFFIX, 'gu'), ' '), removed);
    }
    return { text, removed };
  };

  function finish(input: string, removed: string[]): string {
    let t = input;
    if (placeRe) t = stripAll(t, placeRe, removed);
    for (const re of NOISE_WORDS) t = stripAll(t, re, removed);
    // punctuation, emoji and separators → space; keep letters, digits and + # . inside words (c++, c#, .net)
    t = t.replace(/[^\p{L}\p{N}+#.]+/gu, ' ');
    t = t.replace(/(^|\s)[.+#]+(?=\s|$)/gu, ' ');
    const words = t.split(/\s+/).filter((w) => {
      if (!w || NOISE_TOKEN.test(w)) {
        if (w) removed.push(w);
        return false;
      }
      return true;
    });
    return words.join(' ');
  }
}

export type TitleCleaner = ReturnType<typeof makeNormaliser>;

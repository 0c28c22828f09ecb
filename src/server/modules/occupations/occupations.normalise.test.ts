import { describe, expect, it } from 'vitest';
import { lexiconText, parseLexicon } from './occupations.lexicon.js';
import { makeNormaliser, placeNames } from './occupations.normalise.js';

const clean = makeNormaliser(placeNames(['江西省', '赣州市', '章贡区', '南昌县', '新建区', '红谷滩区', '于都县']));
const text = (t: string) => clean(t).text;

describe('title normalisation', () => {
  it('strips city, company, recruiting words and the salary bracket', () => {
    expect(text('赣州市某某公司招聘Java开发(8-12K)')).toBe('java开发');
    expect(text('江西某某科技有限公司诚聘前端工程师3名')).toBe('前端工程师');
    expect(clean('赣州市某某公司招聘Java开发(8-12K)').removed).toEqual(expect.arrayContaining(['(8-12k)']));
  });

  it('folds full-width characters and case (NFKC)', () => {
    expect(text('ＪＡＶＡ开发（８－１２Ｋ）')).toBe('java开发');
    expect(text('ＵＩ设计师')).toBe('ui设计师');
  });

  it('removes salary text, perks, headcount and age limits outside brackets', () => {
    expect(text('会计 5000-8000元 五险一金 双休')).toBe('会计');
    expect(text('普工 月薪4500以上 包吃住 18-45岁')).toBe('普工');
    expect(text('【急招】厨师 薪资面议')).toBe('厨师');
    expect(text('保安若干名 日结')).toBe('保安');
    expect(text('销售代表-底薪3000+提成')).toBe('销售代表');
  });

  it('removes place names (full and short forms) but keeps ambiguous short forms that are words', () => {
    expect(text('章贡区护士')).toBe('护士');
    expect(text('赣州|仓库管理员|面议')).toBe('仓库管理员');
    expect(text('深圳 电工')).toBe('电工');
    expect(text('新建项目经理')).toBe('新建项目经理');
    expect(text('新建区项目经理')).toBe('项目经理');
  });

  it('keeps bracketed words that describe the job and job words that look like noise', () => {
    expect(text('后端开发(Golang)')).toBe('后端开发 golang');
    expect(text('招聘专员')).toBe('招聘专员');
    expect(text('招商经理')).toBe('招商经理');
    expect(text('社会工作者')).toBe('社会工作者');
    expect(text('C++/C#开发')).toBe('c++ c#开发');
  });

  it('drops education and experience words and keeps the job when a company name is glued after it', () => {
    expect(text('Java开发 | 8k-15k | 南昌 | 3-5年 | 本科')).toBe('java开发');
    expect(text('大专以上 会计主管')).toBe('会计主管');
    expect(text('销售经理江西某某有限公司')).toBe('销售经理');
    expect(text('江西某某水业股份有限公司-水质化验员')).toBe('水质化验员');
  });

  it('leaves nothing of a title that is only noise', () => {
    expect(text('急招！！！(面议)')).toBe('');
  });
});

describe('lexicon', () => {
  it('parses aliases, alternative codes and weights', () => {
    const entries = parseLexicon('# comment\njava 前端 = 2-02-10-03,4-04-05-01\n开发 = 2-02-10-03*0.5\n');
    expect(entries).toEqual([
      { alias: 'java', codes: ['2-02-10-03', '4-04-05-01'], weight: 1 },
      { alias: '前端', codes: ['2-02-10-03', '4-04-05-01'], weight: 1 },
      { alias: '开发', codes: ['2-02-10-03'], weight: 0.5 },
    ]);
    expect(() => parseLexicon('java 2-02-10-03')).toThrow(/without '='/);
  });

  it('only uses well-formed 细类 codes', () => {
    for (const e of parseLexicon(lexiconText())) for (const c of e.codes) expect(c).toMatch(/^\d-\d{2}-\d{2}-\d{2}$/);
  });
});

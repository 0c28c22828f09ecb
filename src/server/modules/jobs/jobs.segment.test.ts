import { describe, expect, it } from 'vitest';
import { highlight, indexTokens, parseQuery, searchTokens } from './jobs.segment.js';

describe('segmentation', () => {
  it('indexes sub-words so that a query word split into parts matches', () => {
    const tokens = indexTokens({ title: '大数据分析师', description: '负责数据仓库建设', skills: ['Python'], occupationName: '大数据工程技术人员' }).split(' ');
    expect(tokens).toEqual(expect.arrayContaining(['数据', '分析', '分析师', 'python', '仓库']));
    expect(tokens.filter((t) => t === '分析师')).toHaveLength(2);
  });

  it('builds a tsquery with quoted lexemes, each word whole or as its parts', () => {
    expect(parseQuery('数据分析').tsquery).toBe(`('数据分析' | ('数据' & '分析'))`);
    expect(parseQuery('Java 工程师').tsquery).toBe(`'java' & '工程师'`);
    expect(parseQuery(`'; drop table x; --`).tsquery).toBe(`'drop' & 'table' & 'x'`);
    expect(parseQuery('，。！').tsquery).toBeNull();
  });

  it('drops punctuation and lower-cases Latin words', () => {
    expect(searchTokens('C++/Node.js开发')).toEqual(['c++', 'node', 'js', '开发']);
    expect(searchTokens('<script>')).toEqual(['script']);
  });

  it('highlights matches after escaping HTML', () => {
    expect(highlight('<script>数据分析</script>', ['数据', '分析'])).toBe('&lt;script&gt;<mark>数据分析</mark>&lt;/script&gt;');
    expect(highlight('Java开发工程师', ['java'])).toBe('<mark>Java</mark>开发工程师');
    expect(highlight('a & b', [])).toBe('a &amp; b');
  });
});

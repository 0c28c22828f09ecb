import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, parseCsvRecords } from './catalog.csv.js';

describe('parseCsv', () => {
  it.each([
    [
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\r\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      '\uFEFFa,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['a,"b,c",d', [['a', 'b,c', 'd']]],
    ['"say ""hi""",x', [['say "hi"', 'x']]],
    [
      '"line 1\nline 2",x\ny,z',
      [
        ['line 1\nline 2', 'x'],
        ['y', 'z'],
      ],
    ],
    ['"crlf\r\ninside",x', [['crlf\r\ninside', 'x']]],
    [
      'a,,\n,,',
      [
        ['a', '', ''],
        ['', '', ''],
      ],
    ],
    ['"",x', [['', 'x']]],
    ['x,""', [['x', '']]],
    ['江西,"赣州市，章贡区"', [['江西', '赣州市，章贡区']]],
    ['', []],
  ])('parses %j', (text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it.each([['"unterminated'], ['"a"b,c'], ['ab"c",d']])('rejects %j', (text) => {
    expect(() => parseCsv(text)).toThrow(CsvError);
  });
});

describe('parseCsvRecords', () => {
  it('keys fields by header, skipping blank lines', () => {
    expect(parseCsvRecords('code,name\n1,"a, b"\n\n2,c\n')).toEqual([
      { code: '1', name: 'a, b' },
      { code: '2', name: 'c' },
    ]);
  });

  it('rejects a row with the wrong number of fields and a missing required column', () => {
    expect(() => parseCsvRecords('a,b\n1,2,3')).toThrow(/record 1: expected 2 fields, found 3|expected 2 fields, found 3 \(record 1\)/);
    expect(() => parseCsvRecords('a,b\n1,2', ['c'])).toThrow(/missing columns: c/);
  });
});

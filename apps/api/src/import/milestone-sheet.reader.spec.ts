import { dateCell, textOf } from './milestone-sheet.reader';

describe('reading a date column of the import template', () => {
  it('takes Excel dates, date serials and the ways people type a date', () => {
    expect(dateCell(new Date(Date.UTC(2027, 5, 30)))).toEqual({ kind: 'date', value: '2027-06-30' });
    expect(dateCell(46_568)).toEqual({ kind: 'date', value: '2027-06-30' });
    for (const text of ['2027-06-30', '2027/6/30', '2027.06.30', '2027年6月30日', ' 2027-6-30 ']) {
      expect(dateCell(text)).toEqual({ kind: 'date', value: '2027-06-30' });
    }
    expect(dateCell({ formula: 'DATE(2027,6,30)', result: new Date(Date.UTC(2027, 5, 30)) })).toEqual({ kind: 'date', value: '2027-06-30' });
  });

  it('an empty cell is blank; anything else that is not a real day is reported as written', () => {
    for (const blank of [null, undefined, '', '   ']) expect(dateCell(blank)).toEqual({ kind: 'blank' });
    expect(dateCell('2027-02-30')).toEqual({ kind: 'invalid', text: '2027-02-30' });
    expect(dateCell('30/06/2027')).toEqual({ kind: 'invalid', text: '30/06/2027' });
    expect(dateCell('明年六月')).toEqual({ kind: 'invalid', text: '明年六月' });
    expect(dateCell(46_568.5)).toEqual({ kind: 'invalid', text: '46568.5' });
  });

  it('reads text out of rich text and formulas', () => {
    expect(textOf({ richText: [{ text: '工期' }, { text: '顺延 ' }] })).toBe('工期顺延');
    expect(textOf({ formula: 'A1', result: 3 })).toBe('3');
    expect(textOf('  ')).toBeNull();
  });
});

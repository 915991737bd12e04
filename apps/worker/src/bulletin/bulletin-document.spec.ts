import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { renderBulletinAnnex } from './bulletin-annex';
import { renderBulletinDocument } from './bulletin-document';
import { sampleBulletinData } from '../../../../test/support/bulletin-fixture';
import { gapText, wan } from './bulletin-text';

describe('the bulletin (调度通报)', () => {
  it('words amounts, rates and gaps as bulletins do', () => {
    expect(wan('1234567.5')).toBe('1,234,567.50');
    expect(wan('0.00')).toBe('0.00');
    expect(gapText(-1.7)).toBe('低于序时进度 1.70 个百分点');
    expect(gapText(2)).toBe('高于序时进度 2.00 个百分点');
    expect(gapText(0)).toBe('与序时进度持平');
  });

  it('the Word document says the district figures, both start-rate denominators, the ranking, the projects behind and the late reports', async () => {
    const docx = await renderBulletinDocument(sampleBulletinData());
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('（2026年1—9月）');
    expect(text).toContain('1—9月累计完成投资 297.00 万元，投资完成率 73.27%，序时进度 75.00%，低于序时进度 1.73 个百分点');
    expect(text).toContain('年初计划 500.00 万元，经中期调整');
    expect(text).toContain('57/67，85.07%（以截至本月计划开工数为分母）');
    expect(text).toContain('206/255，80.78%（以全年计划开工数为分母）');
    expect(text).toContain('不参与排名的单位：区文化旅游委');
    expect(text).toContain('渝贵高铁綦江段');
    expect(text).toContain('未报送');
    expect(text).toContain('征地拆迁滞后，年中调减');
    expect(text).toContain('七、问题清单及督办情况');
    expect(text).toContain('9月新增问题 3 个，销号 1 个；截至9月30日，未销号问题 4 个，其中超过办结时限的 2 个。');
    expect(text).toContain('以下 2 个问题超过办结时限仍未销号');
    expect(text).toContain('9月印发督办单 1 份：');
    expect(text).toContain('督办〔2026〕1号');
    expect(text).toContain('八、前期手续办理情况');
    expect(text).toContain('前期手续办结率 50.00%');
  });

  it('a month without problems or notices says so in sentences, with no empty tables; a month still running names its days', async () => {
    const data = sampleBulletinData();
    const zero = { opened: 0, closed: 0, openAtEnd: 0, overdueAtEnd: 0 };
    data.problems = { ...data.problems, asOf: '2026-09-20', total: { key: 'district', label: '全区合计', ...zero }, byUnit: [], overdue: [], notices: [] };
    const xml = await (await JSZip.loadAsync(await renderBulletinDocument(data))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('9月1日—20日无新增、销号问题，截至9月20日无未销号问题。');
    expect(text).toContain('9月1日—20日未印发督办单。');
    expect(text).not.toContain('交办单位本月新增');
    expect(text).not.toContain('督办单编号');
  });

  it('the Excel annex holds the tables as numbers, the district total closing each figure sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderBulletinAnnex(sampleBulletinData())) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '总体情况',
      '按投资类型',
      '按规划章节',
      '单位排名',
      '滞后项目',
      '月报报送',
      '计划调整',
      '问题清单',
      '督办单',
      '前期手续',
    ]);
    const byType = workbook.getWorksheet('按投资类型')!;
    const planned = [2, 3].map((row) => byType.getRow(row).getCell(3).value as number);
    const total = byType.getRow(4);
    expect(total.getCell(1).value).toBe('全区合计');
    expect(total.getCell(3).value).toBe(405.34);
    expect(planned.reduce((sum, value) => sum + value, 0)).toBeCloseTo(405.34, 2);
    expect(workbook.getWorksheet('单位排名')!.getRow(4).getCell(1).value).toBe('不参与排名');
    const problems = workbook.getWorksheet('问题清单')!;
    const values = (sheet: ExcelJS.Worksheet) => Array.from(sheet.getSheetValues(), (row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(values(problems)).toContainEqual(['用地', 2, 0, 3, 2]);
    expect(values(problems)).toContainEqual(['未交办', 1, 1, 1, 0]);
    expect(values(problems).filter((row) => row[0] === '全区合计')).toEqual([
      ['全区合计', 3, 1, 4, 2],
      ['全区合计', 3, 1, 4, 2],
    ]);
    expect(values(workbook.getWorksheet('督办单')!)[2]).toEqual([
      '督办〔2026〕1号',
      '綦江港用地指标未落实',
      '綦江港',
      '区规划自然资源局',
      '2026-09-13',
      '2026-09-18',
    ]);
    expect(values(workbook.getWorksheet('前期手续')!)).toContainEqual(['全区合计', 2, 20, 2, 9, 50]);
  });
});

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
  });

  it('the Excel annex holds the tables as numbers, the district total closing each figure sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderBulletinAnnex(sampleBulletinData())) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['总体情况', '按投资类型', '按规划章节', '单位排名', '滞后项目', '月报报送', '计划调整']);
    const byType = workbook.getWorksheet('按投资类型')!;
    const planned = [2, 3].map((row) => byType.getRow(row).getCell(3).value as number);
    const total = byType.getRow(4);
    expect(total.getCell(1).value).toBe('全区合计');
    expect(total.getCell(3).value).toBe(405.34);
    expect(planned.reduce((sum, value) => sum + value, 0)).toBeCloseTo(405.34, 2);
    expect(workbook.getWorksheet('单位排名')!.getRow(4).getCell(1).value).toBe('不参与排名');
  });
});

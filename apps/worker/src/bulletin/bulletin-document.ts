import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { BulletinData, BulletinProblemRow, BulletinRow } from './bulletin-data';
import {
  gapText,
  noticeCells,
  NOTICE_HEADERS,
  overdueProblemCells,
  OVERDUE_PROBLEM_HEADERS,
  overviewParagraphs,
  percent,
  periodText,
  preworkCells,
  preworkParagraph,
  PREWORK_HEADERS,
  problemParagraphs,
  PROBLEM_FIGURE_HEADERS,
  wan,
} from './bulletin-text';

// The typefaces of Chinese government documents (公文): a song-style title, fang-song body, hei headings.
const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋_GB2312';
const HEADING_FONT = '黑体';
const BODY_SIZE = 32; // 三号, in half-points
const TABLE_SIZE = 21; // 五号

const run = (text: string, font = BODY_FONT, size = BODY_SIZE, bold = false) => new TextRun({ text, font: { eastAsia: font, ascii: font }, size, bold });

const body = (text: string) => new Paragraph({ children: [run(text)], indent: { firstLine: 640 }, spacing: { line: 560 } });
const heading = (text: string) => new Paragraph({ children: [run(text, HEADING_FONT)], indent: { firstLine: 640 }, spacing: { before: 200, line: 560 } });

const cell = (text: string, header = false) =>
  new TableCell({
    children: [new Paragraph({ children: [run(text, header ? HEADING_FONT : BODY_FONT, TABLE_SIZE)], alignment: AlignmentType.CENTER })],
  });

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function table(headers: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((header) => cell(header, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
    ],
  });
}

const FIGURE_HEADERS = ['类别', '项目数', '年度计划（万元）', '累计完成（万元）', '完成率', '与序时进度', '开工率（截至本月）', '红/黄/绿'];

function figureRow(row: BulletinRow): string[] {
  return [
    row.label,
    String(row.projectCount),
    wan(row.plannedInvestment),
    wan(row.completedYtd),
    percent(row.completionRate),
    gapText(row.gapPoints),
    percent(row.startRateToDate),
    `${row.lights.red}/${row.lights.yellow}/${row.lights.green}`,
  ];
}

const problemRow = (row: BulletinProblemRow, header: string = row.label): string[] => [
  header,
  String(row.opened),
  String(row.closed),
  String(row.openAtEnd),
  String(row.overdueAtEnd),
];

/** 七、问题清单及督办: the month's figures by category and by unit, the overdue problems, the 督办单 issued. */
function problemSection(data: BulletinData): (Paragraph | Table)[] {
  const { problems } = data;
  const [summary, ...rest] = problemParagraphs(data);
  const sections: (Paragraph | Table)[] = [heading('七、问题清单及督办情况'), body(summary)];
  if (problems.byUnit.length) {
    sections.push(
      body('按问题类别：'),
      table(['问题类别', ...PROBLEM_FIGURE_HEADERS], [...problems.byCategory.map((row) => problemRow(row)), problemRow(problems.total)]),
      body('按交办单位：'),
      table(['交办单位', ...PROBLEM_FIGURE_HEADERS], [...problems.byUnit.map((row) => problemRow(row)), problemRow(problems.total)]),
    );
  }
  if (problems.overdue.length) sections.push(body(rest[0]), table(OVERDUE_PROBLEM_HEADERS, problems.overdue.map(overdueProblemCells)));
  sections.push(body(rest[rest.length - 1]));
  if (problems.notices.length) sections.push(table(NOTICE_HEADERS, problems.notices.map(noticeCells)));
  return sections;
}

/** The month's 调度通报 as a Word document (.docx), modelled on published district bulletins. */
export async function renderBulletinDocument(data: BulletinData): Promise<Buffer> {
  const period = periodText(data.monthNo);
  const sections: (Paragraph | Table)[] = [
    new Paragraph({ children: [run(`綦江区“十五五”规划重点项目调度通报`, TITLE_FONT, 44)], alignment: AlignmentType.CENTER, spacing: { after: 200 } }),
    new Paragraph({ children: [run(`（${data.year}年${period}）`)], alignment: AlignmentType.CENTER }),
    new Paragraph({
      children: [run(`綦江区发展和改革委员会\u3000${data.generatedOn}`, BODY_FONT, 28)],
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
    }),
    heading('一、总体情况'),
    ...overviewParagraphs(data).map(body),
    heading('二、分类推进情况'),
    body('按投资类型：'),
    table(FIGURE_HEADERS, data.byInvestmentType.map(figureRow)),
    body('按规划章节：'),
    table(FIGURE_HEADERS, data.byChapter.map(figureRow)),
    heading('三、责任单位排名'),
    body(data.rankingDefinition),
    table(
      ['名次', '责任单位', '投资完成率', '年度计划（万元）', '累计完成（万元）'],
      data.ranked.map((entry) => [String(entry.rank), entry.unit, percent(entry.completionRate), wan(entry.plannedInvestment), wan(entry.completedYtd)]),
    ),
    ...(data.unranked.length ? [body(`无年度计划投资、不参与排名的单位：${data.unranked.join('、')}。`)] : []),
    heading('四、进度滞后项目'),
    ...(data.behind.length
      ? [
          body(`以下 ${data.behind.length} 个项目投资进度亮黄灯或红灯，请责任单位加快推进：`),
          table(
            ['项目名称', '责任单位', '灯号', '年度计划（万元）', '累计完成（万元）', '完成率', '原因'],
            data.behind.map((project) => [
              project.name,
              project.unit,
              project.light === 'red' ? '红灯' : '黄灯',
              wan(project.plannedInvestment),
              wan(project.completedYtd),
              percent(project.completionRate),
              project.reasons.join('；'),
            ]),
          ),
        ]
      : [body('本期无进度滞后项目。')]),
    heading('五、月报报送情况'),
    ...(data.lateReports.length
      ? [
          body(`${data.month} 月报逾期报送或未报送的项目 ${data.lateReports.length} 个：`),
          table(
            ['项目名称', '责任单位', '报送情况'],
            data.lateReports.map((report) => [report.name, report.unit, report.submittedOn ? `逾期，${report.submittedOn} 报送` : '未报送']),
          ),
        ]
      : [body('各责任单位均按时报送月报。')]),
    heading('六、年度计划调整情况'),
    ...(data.adjustments.length
      ? [
          table(
            ['项目名称', '责任单位', '年初计划（万元）', '调整后计划（万元）', '调整原因'],
            data.adjustments.map((adjustment) => [
              adjustment.name,
              adjustment.unit,
              wan(adjustment.originalInvestment),
              wan(adjustment.plannedInvestment),
              adjustment.reason ?? '',
            ]),
          ),
        ]
      : [body('本年度计划未作调整。')]),
    ...problemSection(data),
    heading('八、前期手续办理情况'),
    body(preworkParagraph(data)),
    ...(data.prework.byUnit.length ? [table(PREWORK_HEADERS, data.prework.byUnit.map(preworkCells))] : []),
  ];
  const document = new Document({
    creator: '綦江区发展和改革委员会',
    title: `重点项目调度通报 ${data.month}`,
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, children: sections }],
  });
  return Packer.toBuffer(document);
}

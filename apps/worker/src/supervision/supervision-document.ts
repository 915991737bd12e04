import { describeChange, PROBLEM_CATEGORY_LABELS, ProblemCategory, todayIn } from '@qj/domain';
import type { OverdueProblem, ProblemHistoryEntry } from '@qj/persistence';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

// The typefaces of Chinese government documents (公文), as the bulletin uses them.
const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋_GB2312';
const HEADING_FONT = '黑体';
const BODY_SIZE = 32; // 三号, in half-points
const TABLE_SIZE = 21; // 五号

const run = (text: string, font = BODY_FONT, size = BODY_SIZE) => new TextRun({ text, font: { eastAsia: font, ascii: font }, size });
const body = (text: string) => new Paragraph({ children: [run(text)], indent: { firstLine: 640 }, spacing: { line: 560 } });
const heading = (text: string) => new Paragraph({ children: [run(text, HEADING_FONT)], indent: { firstLine: 640 }, spacing: { before: 200, line: 560 } });
const cell = (text: string, header = false) =>
  new TableCell({ children: [new Paragraph({ children: [run(text, header ? HEADING_FONT : BODY_FONT, TABLE_SIZE)] })] });
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

export interface SupervisionNoticeContent {
  number: string;
  problem: OverdueProblem;
  issuedOn: string;
  replyBy: string;
  history: ProblemHistoryEntry[];
  /** The district's zone (APP_TIMEZONE): what happened at 07:00 in Chongqing is dated that day, not the UTC day before. */
  timeZone: string;
}

/** A 督办单 as a Word document: to the unit, the problem, how late it is, the reply demanded and by when, and the history. */
export async function renderSupervisionNotice(content: SupervisionNoticeContent): Promise<Buffer> {
  const { problem } = content;
  const category = PROBLEM_CATEGORY_LABELS[problem.category as ProblemCategory] ?? '其他';
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [run('綦江区重点项目问题督办单', TITLE_FONT, 44)], alignment: AlignmentType.CENTER, spacing: { after: 200 } }),
          new Paragraph({ children: [run(content.number)], alignment: AlignmentType.CENTER, spacing: { after: 400 } }),
          new Paragraph({ children: [run(`${problem.unitName}：`)], spacing: { line: 560 } }),
          body(
            `「${problem.projectName}」${problem.projectCode ? `（项目代码 ${problem.projectCode}）` : ''}的问题「${problem.title}」（${category}）已交办你单位，办结时限为 ${problem.dueDate}，截至 ${content.issuedOn} 已逾期 ${problem.overdueDays} 天。现予督办，请你单位高度重视，抓紧协调解决，并于 ${content.replyBy} 前在系统问题清单中书面答复办理情况。`,
          ),
          heading('一、问题情况'),
          body(`提出单位：${problem.projectUnitName}。希望解决时间：${problem.neededBy}。`),
          body(`问题描述：${problem.description}`),
          heading('二、办理经过'),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
            rows: [
              new TableRow({ tableHeader: true, children: ['日期', '经办人', '事项'].map((header) => cell(header, true)) }),
              ...content.history.map(
                (entry) =>
                  new TableRow({
                    children: [
                      cell(todayIn(content.timeZone, new Date(entry.at))),
                      cell(entry.actorName),
                      cell(describeChange({ ...entry, after: { title: problem.title, ...entry.after } })),
                    ],
                  }),
              ),
            ],
          }),
          heading('三、答复要求'),
          body(`请于 ${content.replyBy} 前答复：问题目前进展、存在困难、下一步措施及预计解决时间。逾期未答复的，将提请区领导督办。`),
          new Paragraph({
            children: [run(`綦江区发展和改革委员会\u3000${content.issuedOn}`, BODY_FONT, 28)],
            alignment: AlignmentType.RIGHT,
            spacing: { before: 400 },
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

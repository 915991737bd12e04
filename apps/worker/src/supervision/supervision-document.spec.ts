import JSZip from 'jszip';
import { renderSupervisionNotice, SupervisionNoticeContent } from './supervision-document';

const notice = (timeZone: string): SupervisionNoticeContent => ({
  number: '督办〔2026〕7号',
  problem: {
    problemId: '00000000-0000-4000-8000-000000000001',
    projectId: '00000000-0000-4000-8000-000000000002',
    projectName: '渝贵高铁綦江段',
    projectCode: null,
    projectUnitName: '区交通局',
    title: '征地拆迁滞后',
    description: '3 户未签协议',
    category: 'land_acquisition',
    neededBy: '2026-11-30',
    dueDate: '2026-11-20',
    unitId: '00000000-0000-4000-8000-000000000003',
    unitName: '区规划自然资源局',
    overdueDays: 8,
  },
  issuedOn: '2026-11-28',
  replyBy: '2026-12-03',
  // 06:30 in Chongqing on 12 November: still the 11th in UTC.
  history: [{ at: new Date('2026-11-11T22:30:00Z'), actorName: '区发展改革委审核员', action: 'problem.raised', before: null, after: null, comment: null }],
  timeZone,
});

const textOf = async (docx: Buffer) => (await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');

describe('the 督办单 document', () => {
  it('dates its history in the district’s zone: early morning in Chongqing is that day, not the UTC day before', async () => {
    const text = await textOf(await renderSupervisionNotice(notice('Asia/Shanghai')));
    expect(text).toContain('督办〔2026〕7号');
    expect(text).toContain('2026-11-12区发展改革委审核员');
    expect(text).not.toContain('2026-11-11');
    expect(await textOf(await renderSupervisionNotice(notice('UTC')))).toContain('2026-11-11区发展改革委审核员');
  });
});

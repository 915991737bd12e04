import { noticeMail } from '@qj/mail';
import type { RaisedAlert } from '@qj/persistence';

export interface AlertMessage {
  /** Subject of the mail and title of the in-app notification. */
  title: string;
  /** One paragraph of plain text: the notification body and the heart of the mail. */
  body: string;
}

const TAG: Record<RaisedAlert['level'], string> = {
  overdue: '逾期提醒',
  escalated_14: '逾期升级',
  supervision_30: '督办',
  stale: '长期未更新',
};

/** What an alert says, in Chinese; pure, so it is the same in the mail and the notification. */
export function alertMessage(alert: RaisedAlert): AlertMessage {
  const tag = `【${TAG[alert.level]}】`;
  if (alert.level === 'stale') {
    return {
      title: `${tag}${alert.projectName} 已 ${alert.days} 天未更新`,
      body: `项目「${alert.projectName}」自 ${alert.episode} 起已 ${alert.days} 天没有任何进展更新，请责任单位（${alert.unitName}）及时更新里程碑或说明情况。`,
    };
  }
  const what = `项目「${alert.projectName}」的里程碑「${alert.milestoneName}」计划于 ${alert.episode} 完成，现已逾期 ${alert.days} 天`;
  switch (alert.level) {
    case 'overdue':
      return { title: `${tag}${alert.projectName} · ${alert.milestoneName} 已逾期 ${alert.days} 天`, body: `${what}。请尽快更新进展，或调整预测完成日期。` };
    case 'escalated_14':
      return {
        title: `${tag}${alert.projectName} · ${alert.milestoneName} 已逾期 ${alert.days} 天`,
        body: `${what}，责任单位：${alert.unitName}。已逾期超过两周，请关注并协调推进。`,
      };
    case 'supervision_30':
      return {
        title: `${tag}${alert.projectName} · ${alert.milestoneName} 已逾期 ${alert.days} 天`,
        body: `${what}，责任单位：${alert.unitName}。已逾期超过 30 天，列入督办。`,
      };
  }
}

export function alertMail(message: AlertMessage, projectLink: string, unsubscribeLink: string): { html: string; text: string } {
  return noticeMail(message, { href: projectLink, label: '查看项目' }, unsubscribeLink);
}

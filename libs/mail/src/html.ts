/** Escapes text for HTML bodies and attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** The frame of every e-mail: Chinese first, the unsubscribe link at the foot. */
export function mailLayout(title: string, bodyHtml: string, unsubscribeLink: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:'PingFang SC','Microsoft YaHei',sans-serif;color:#222">
<h2 style="font-size:18px">${escapeHtml(title)}</h2>
${bodyHtml}
<hr><p style="font-size:12px;color:#888">綦江区“十五五”重大项目调度平台 · <a href="${escapeHtml(unsubscribeLink)}">退订此类邮件</a></p>
</body></html>`;
}

/** A one-message mail (an alert, a decision): the title, one paragraph, one link, the unsubscribe foot. */
export function noticeMail(
  message: { title: string; body: string },
  link: { href: string; label: string },
  unsubscribeLink: string,
): { html: string; text: string } {
  const html = mailLayout(
    message.title,
    `<p>${escapeHtml(message.body)}</p><p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`,
    unsubscribeLink,
  );
  const text = `${message.title}\n\n${message.body}\n\n${link.label}：${link.href}\n\n退订此类邮件：${unsubscribeLink}\n`;
  return { html, text };
}

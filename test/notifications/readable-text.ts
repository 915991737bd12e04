/**
 * Code-like tokens (`milestone.updated`, `on_hold`) left in text a person reads, once tags, entities, links and
 * e-mail addresses are taken out: what the no-code tests fail on.
 */
export function codeTokens(text: string): string[] {
  const readable = text
    .replace(/<(style|head)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[\w.+-]+@[\w.-]+/g, ' ');
  return readable.match(/\b[a-z_]+\.[a-z_]+\b|\b[a-z]+_[a-z_]+\b/g) ?? [];
}

/** The text and HTML bodies of a decoded mail (see readMail), without the MIME headers. */
export function mailBodies(decoded: string): string[] {
  return [...decoded.matchAll(/Content-Type: text\/(?:plain|html)[^\n]*\n(?:[^\n]+\n)*?\r?\n([\s\S]*?)(?=\r?\n----_|$)/gi)].map((match) => match[1]);
}

/** One email as it is stored and sent: plain text and a simple HTML version of the same words. */
export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface EmailContent {
  to: string;
  subject: string;
  /** Paragraphs, in order, plain text. */
  paragraphs: string[];
  /** The link back to the PWA every email carries: a path (`/reset-password?token=…`) and its label. */
  action: { label: string; path: string };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Text and HTML from the same paragraphs; the link is absolute, on the PWA's origin. */
export function composeEmail(content: EmailContent, publicUrl: string): Email {
  const link = `${publicUrl}${content.action.path.startsWith('/') ? '' : '/'}${content.action.path}`;
  const text = [...content.paragraphs, `${content.action.label}: ${link}`, '— BigTix'].join('\n\n') + '\n';
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">',
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(link)}">${escapeHtml(content.action.label)}</a></p>`,
    '<p>— BigTix</p></body></html>',
  ].join('\n');
  return { to: content.to, subject: content.subject, text, html };
}

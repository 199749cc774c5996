import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { Email } from './compose';

/** What sends one message; nodemailer over SMTP in every environment (Mailpit locally). */
export interface MailTransport {
  send(email: Email): Promise<void>;
  close(): void;
}

/**
 * Every SMTP step is bounded so a send ends well within the outbox's retry lease (a send still
 * running when the next attempt may start could deliver twice).
 */
export const SMTP_TIMEOUT_MS = 10_000;

export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  } satisfies SMTPTransport.Options);
  return {
    async send(email) {
      await transporter.sendMail({ from, to: email.to, subject: email.subject, text: email.text, html: email.html });
    },
    close: () => transporter.close(),
  };
}

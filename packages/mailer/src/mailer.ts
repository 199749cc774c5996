import { Logger, Worker, intFromEnv } from '@bigtix/middleware';
import type { Db } from 'mongodb';
import { EmailContent, composeEmail } from './compose';
import { MailConfig, readMailConfig } from './config';
import { EmailOutbox, EmailOutboxOptions, EnqueueResult } from './email-outbox';
import { MailTransport, smtpTransport } from './transport';

/**
 * What a service uses to tell someone something by email: compose (text + HTML, with a link back
 * to the PWA) and enqueue once per fact. One per service, over its own database.
 */
export class Mailer {
  constructor(
    readonly config: MailConfig,
    readonly outbox: EmailOutbox,
  ) {}

  send(fact: string, content: EmailContent): Promise<EnqueueResult> {
    return this.outbox.enqueue(fact, composeEmail(content, this.config.publicUrl));
  }

  worker(): Worker {
    return this.outbox.worker();
  }
}

export interface CreateMailerOptions extends EmailOutboxOptions {
  /** Tests may pass their own; the default is nodemailer over SMTP_URL. */
  transport?: MailTransport;
}

/** A service's mailer from its environment (SMTP_URL, PUBLIC_URL, MAIL_FROM); throws on a bad config. */
export async function createMailer(
  env: NodeJS.ProcessEnv,
  db: Db,
  logger: Logger,
  options: CreateMailerOptions = {},
): Promise<Mailer> {
  const config = readMailConfig(env);
  const outbox = new EmailOutbox(db, options.transport ?? smtpTransport(config.smtpUrl, config.from), logger, {
    leaseMs: options.leaseMs ?? intFromEnv(env.EMAIL_RETRY_LEASE_MS, 60_000),
    intervalMs: options.intervalMs ?? intFromEnv(env.EMAIL_RETRY_INTERVAL_MS, 5_000),
  });
  await outbox.ensureIndexes();
  return new Mailer(config, outbox);
}

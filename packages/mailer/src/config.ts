/** Where email goes and what its links point at. */
export interface MailConfig {
  /** smtp://host:port (Mailpit locally), smtps://user:pass@host:465 in production. */
  smtpUrl: string;
  /** The PWA's origin: every email links back to it. */
  publicUrl: string;
  /** The From header. */
  from: string;
}

/** `make dev`'s Mailpit with PORT_OFFSET 0 (the dev runner passes the moved one). */
const DEV_SMTP_URL = 'smtp://127.0.0.1:1025';

/**
 * Read at boot, like JWT_SECRET: a developer's machine and a test run fall back to the local
 * Mailpit; anywhere else a missing SMTP_URL or PUBLIC_URL refuses to start, since silently
 * dropping password resets is worse than not starting.
 */
export function readMailConfig(env: NodeJS.ProcessEnv): MailConfig {
  const local = env.NODE_ENV === 'development' || env.NODE_ENV === 'test';
  const smtpUrl = env.SMTP_URL ?? (local ? DEV_SMTP_URL : '');
  const publicUrl = env.PUBLIC_URL ?? (local ? 'http://localhost:3000' : '');
  if (!smtpUrl || !/^smtps?:\/\//.test(smtpUrl))
    throw new Error(
      `SMTP_URL must be set to smtp://… or smtps://… unless NODE_ENV is development or test (NODE_ENV=${env.NODE_ENV ?? 'unset'})`,
    );
  if (!publicUrl || !/^https?:\/\//.test(publicUrl))
    throw new Error(`PUBLIC_URL must be set to the web app's https:// origin unless NODE_ENV is development or test`);
  return { smtpUrl, publicUrl: publicUrl.replace(/\/+$/, ''), from: env.MAIL_FROM ?? 'BigTix <no-reply@bigtix.dev>' };
}

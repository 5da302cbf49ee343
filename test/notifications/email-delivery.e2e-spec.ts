import { DataSource } from 'typeorm';
import { EMAIL_ATTEMPTS, EmailSenderJob, SWEEP_OUTBOX_JOB } from '../../apps/api/src/notifications/email-sender.job.js';
import { NotificationsService } from '../../apps/api/src/notifications/notifications.service.js';
import { GuildConfig } from '../../apps/api/src/platform/config/guild-config.js';
import { JobQueue } from '../../apps/api/src/platform/jobs/job-queue.js';
import { waitFor } from '../support/wait.js';
import { uniqueEmail } from '../support/factories.js';
import { call } from '../support/http.js';
import { useTestApp } from '../support/suite.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

describe('email delivery with SMTP_URL (a real SMTP server)', () => {
  let smtp: SmtpSink;
  const env: Record<string, string> = { GUILD_MAIL_FROM: 'Guild Test <robot@guild.test>', GUILD_MAIL_RETRY_DELAY_MS: '20' };
  beforeAll(async () => {
    smtp = await startSmtpSink((address) => (address.startsWith('bounce') ? 'Mailbox unavailable' : undefined));
    env.SMTP_URL = smtp.url;
  });
  afterAll(() => smtp?.close());
  const suite = useTestApp(env);

  const service = () => suite.ctx.app.get(NotificationsService);
  const db = () => suite.ctx.app.get(DataSource);
  const row = async (to: string) => (await db().query<Array<{ id: string; status: string; attempts: number; last_error: string | null; sent_at: Date | null }>>(`SELECT * FROM email_outbox WHERE to_address = $1`, [to]))[0];
  const outboxItem = async (to: string) => {
    const admin = await suite.make.newStaff('admin');
    const list = await call(suite.ctx.app, 'GET', '/v1/staff/outbox?limit=100', { token: admin.accessToken });
    return list.body.items.find((item: { to: string }) => item.to === to);
  };

  it('sends an email at once after it is written, and the outbox row becomes sent', async () => {
    const to = uniqueEmail('invitee');
    await service().email({ to, subject: 'You are invited to Acme', text: 'Open http://localhost/invitations/abc to join.' });
    await waitFor(() => smtp.to(to).length > 0);
    const [mail] = smtp.to(to);
    expect(mail.headers.to).toBe(to);
    expect(mail.headers.from).toBe('Guild Test <robot@guild.test>');
    expect(mail.headers.subject).toBe('You are invited to Acme');
    expect(mail.text).toContain('Open http://localhost/invitations/abc to join.');
    await waitFor(async () => (await row(to)).status === 'sent');
    expect(await outboxItem(to)).toMatchObject({ status: 'sent', attempts: 1, lastError: null, sentAt: expect.any(String) });
  });

  it('emails a notification to the user’s address when asked, with the link', async () => {
    const member = await suite.make.newMember();
    await service().notify({ userId: member.id, kind: 'partner_application.approved', title: 'Your application was approved', body: 'Welcome to the partner program.', link: '/partner-program', email: true });
    await waitFor(() => smtp.to(member.email).length > 0);
    const [mail] = smtp.to(member.email);
    expect(mail.headers.to).toBe(member.email);
    expect(mail.headers.subject).toBe('Your application was approved');
    expect(mail.text).toContain('Welcome to the partner program.');
    expect(mail.text).toContain(`${suite.ctx.app.get(GuildConfig).publicUrl}/partner-program`);
  });

  it('sends what another domain wrote in its transaction once that commits (the outbox sweep), exactly once', async () => {
    // The 15-second schedule is stopped here so that this test's own sweep is the one that sends.
    await suite.ctx.app.get(JobQueue).unschedule(SWEEP_OUTBOX_JOB, 'every-15s');
    const member = await suite.make.newMember();
    await db().transaction((tx) => service().notify({ userId: member.id, kind: 'test.event', title: 'Written in a transaction', body: 'Hello.', email: true }, tx));
    expect(await row(member.email)).toMatchObject({ status: 'pending', attempts: 0 });
    const sender = suite.ctx.app.get(EmailSenderJob);
    await sender.sweep();
    await waitFor(async () => (await row(member.email)).status === 'sent');
    // A duplicate job or a second worker finds the email no longer pending and sends nothing.
    await Promise.all([sender.send((await row(member.email)).id), sender.sweep()]);
    expect(smtp.to(member.email)).toHaveLength(1);
    expect(smtp.to(member.email)[0].headers.subject).toBe('Written in a transaction');
  });

  it('retries a refused email, then marks it failed with the server’s error', async () => {
    const to = uniqueEmail('bounce');
    await service().email({ to, subject: 'Will bounce', text: 'Nobody reads this.' });
    await waitFor(async () => (await row(to)).status === 'failed');
    expect(await outboxItem(to)).toMatchObject({ status: 'failed', attempts: EMAIL_ATTEMPTS, lastError: expect.stringContaining('Mailbox unavailable'), sentAt: null });
    expect(smtp.to(to)).toEqual([]);
  });
});

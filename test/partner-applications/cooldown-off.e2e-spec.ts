import { useTestApp } from '../support/suite.js';
import { applicationSteps } from './applications.js';

describe('partner applications with GUILD_PARTNER_REAPPLY_COOLDOWN_DAYS=0', () => {
  const suite = useTestApp({ GUILD_PARTNER_REAPPLY_COOLDOWN_DAYS: '0' });
  const steps = applicationSteps(() => suite.ctx.app);

  it('lets a rejected member apply again at once', async () => {
    const applicant = await suite.make.newMember();
    const reviewer = await suite.make.newStaff('reviewer');
    const { id } = await steps.submitted(applicant);
    expect((await steps.decide(reviewer, id, 'reject', 'Not like this.')).status).toBe(200);
    const again = await steps.apply(applicant);
    expect(again.status).toBe(201);
    expect(again.body.status).toBe('submitted');
  });
});

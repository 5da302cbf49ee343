import { Injectable } from '@nestjs/common';
import type { Role } from '@guild/contracts';
import type { Caller } from '../identity/caller.js';
import { IdeaStatusFlow } from './ideas/idea-status.service.js';
import { IdeaVotes } from './ideas/idea-votes.service.js';
import { IdeasService } from './ideas/ideas.service.js';
import { AnswerAcceptanceService } from './questions/answer-acceptance.service.js';
import { AnswerVotesService } from './questions/answer-votes.service.js';
import { AnswersService } from './questions/answers.service.js';
import { QuestionsService } from './questions/questions.service.js';

export interface DemoPerson {
  id: string;
  roles: Role[];
}

/**
 * A lived-in community for `npm start`'s demo data, made through the same services the routes use
 * (so points, badges and notifications follow): an answered and accepted question, an open one,
 * ideas with votes at several stages.
 */
@Injectable()
export class CommunityDemo {
  constructor(
    private readonly questions: QuestionsService,
    private readonly answers: AnswersService,
    private readonly acceptance: AnswerAcceptanceService,
    private readonly answerVotes: AnswerVotesService,
    private readonly ideas: IdeasService,
    private readonly ideaVotes: IdeaVotes,
    private readonly ideaStatus: IdeaStatusFlow,
  ) {}

  async load(people: { buyer: DemoPerson; partner: DemoPerson; reviewer: DemoPerson; moderator: DemoPerson }): Promise<void> {
    const [buyer, partner, reviewer, moderator] = [people.buyer, people.partner, people.reviewer, people.moderator].map(asCaller);

    const discounts = await this.questions.ask(buyer, {
      title: 'How do I give first-time customers a discount at checkout?',
      body: 'We want **10 % off** the first order only. Is there an add-on for that, or do I need a custom plugin?',
      tags: ['discounts', 'checkout'],
    });
    const howTo = await this.answers.answer(
      partner,
      discounts.id,
      'A `cart.discounts` plugin can do it: check `customer.orderCount === 0` and return one discount line.\n\n```js\nexport function discounts(cart) {\n  return cart.customer.orderCount === 0 ? [{ label: "Welcome", percent: 10 }] : [];\n}\n```',
    );
    await this.answers.answer(reviewer, discounts.id, 'Also worth knowing: discounts from several plugins are combined by the extension point’s rule (the largest wins).');
    await this.acceptance.accept(buyer, howTo.id);
    await this.answerVotes.vote(moderator, howTo.id, true);

    await this.questions.ask(partner, {
      title: 'Can a plugin call our own inventory API over HTTPS?',
      body: 'Our warehouse has a REST API. Which manifest permission does a plugin need, and are private addresses allowed?',
      tags: ['plugins', 'http'],
    });

    const darkMode = await this.ideas.create(buyer, { title: 'Dark mode for the customer portal', body: 'Many of us work late; a dark theme would be easier on the eyes.' });
    await this.ideaVotes.vote(partner, darkMode.id);
    await this.ideaVotes.vote(reviewer, darkMode.id);
    await this.ideaStatus.move(moderator, darkMode.id, 'planned', 'Planned for the next quarter: the design team has started on a theme.');

    const csv = await this.ideas.create(partner, { title: 'Export orders as CSV from the dashboard', body: 'Finance teams ask for a monthly CSV export of orders and refunds.' });
    await this.ideaVotes.vote(buyer, csv.id);
    await this.ideaStatus.move(moderator, csv.id, 'under_review', 'We are looking at which columns finance teams need; tell us in the comments.');
  }
}

function asCaller(person: DemoPerson): Caller {
  return { userId: person.id, roles: person.roles, via: 'session', ip: '127.0.0.1' };
}

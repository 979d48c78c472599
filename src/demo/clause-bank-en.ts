/**
 * English clauses per theme and sentiment, written the way B2B customers write survey comments.
 * Lower-case start, no final punctuation: compose-verbatim.ts joins and punctuates them.
 */
import type { ClauseBank, ConnectorBank, GenericBank, StatedThemes } from './clause-bank-types.ts';

export const CLAUSES_EN: ClauseBank = {
  support_responsiveness: {
    negative: [
      'support takes days to get back to us',
      'we opened a ticket two weeks ago and still no answer',
      'your support team is impossible to reach when something breaks',
      'response times from support have become really slow',
      'every ticket gets escalated and then nothing happens for a week',
      'it took four follow-ups to get a reply from the helpdesk',
      'support answers are slow and we end up fixing things ourselves',
    ],
    positive: [
      'support got back to us within the hour',
      'the support team is quick and actually solves the problem',
      'really fast answers from the helpdesk',
      'our tickets are handled quickly, thanks to the support team',
      'the live chat agent fixed our issue in minutes',
    ],
  },
  billing_errors: {
    negative: [
      'we were double-billed again',
      'the invoice was wrong for the third time this year',
      'invoicing errors keep happening and finance is fed up',
      'we got charged for licences we cancelled months ago',
      'the billing is a mess, credit notes take forever',
      'our invoice had the wrong VAT number and the wrong amount',
      'another incorrect invoice, we have to check every single one',
    ],
    positive: [
      'invoices are clear and always correct',
      'the billing issue was corrected quickly',
      'invoicing is simple and accurate now',
    ],
  },
  product_reliability: {
    negative: [
      'the platform crashed twice during our month-end close',
      'we keep hitting bugs after every release',
      'too many outages this quarter',
      'the app goes down at the worst moments',
      'exports fail randomly and we lose work',
      'reliability is not where it should be for a tool we pay this much for',
    ],
    positive: [
      'the platform is rock solid',
      'no downtime at all since we started',
      'it just works, very stable',
      'releases are smooth and nothing breaks',
      'we rely on it every day and it never lets us down',
    ],
  },
  ease_of_use: {
    negative: [
      'the interface is confusing for new users',
      'too many clicks to do simple things',
      'the new menu is hard to find your way around',
      'our team finds the tool complicated to use',
      'the reporting screens are not intuitive at all',
    ],
    positive: [
      'the tool is easy to use',
      'very intuitive interface, the team picked it up in a day',
      'the product is great and simple to use',
      'clean design, everything is where you expect it',
      'easy to set up dashboards without asking IT',
      'the product is great',
    ],
  },
  onboarding: {
    negative: [
      'onboarding was chaotic and we had no clear plan',
      'the implementation took three months longer than promised',
      'nobody guided us through the setup',
      'the kick-off went well but then the onboarding stalled',
      'data migration during onboarding was painful',
    ],
    positive: [
      'onboarding was smooth and well organised',
      'the implementation team was excellent',
      'we were up and running in two weeks thanks to the onboarding team',
      'great kick-off and a clear onboarding plan',
    ],
  },
  pricing_value: {
    negative: [
      'the price went up again with no new value',
      'too expensive for what we actually use',
      'the renewal quote was 20% higher, hard to justify',
      'we pay for modules we never use',
      'the licence model is expensive for a small team',
      'value for money is not there anymore',
    ],
    positive: [
      'good value for the price',
      'worth every euro',
      'the pricing is fair for what we get',
      'it saves us far more than it costs',
    ],
  },
  account_manager: {
    negative: [
      'our account manager changed three times this year',
      'we never hear from our account manager unless it is renewal time',
      'the account manager does not understand our business',
      'our CSM is unreachable',
    ],
    positive: [
      'our account manager is great and always available',
      'Julie, our CSM, is proactive and really helpful',
      'the account manager knows our business and gives good advice',
      'excellent follow-up from our customer success manager',
      'the quarterly reviews with our account manager are really useful',
    ],
  },
  integrations: {
    negative: [
      'the Salesforce integration breaks every other week',
      'the API is limited and badly documented',
      'syncing with our ERP is unreliable',
      'no native connector for SAP, we had to build our own',
      'the HubSpot sync duplicates contacts',
    ],
    positive: [
      'the integration with Salesforce works perfectly',
      'the API is clean and easy to connect to our tools',
      'great connectors, our data flows in automatically',
      'the Slack integration is really handy',
    ],
  },
  performance_speed: {
    negative: [
      'the app is very slow on large reports',
      'dashboards take forever to load',
      'pages freeze as soon as we filter a big dataset',
      'it has become sluggish since the last update',
      'exports are painfully slow',
    ],
    positive: [
      'the app is fast even with large volumes',
      'reports load instantly',
      'performance has improved a lot',
    ],
  },
  documentation: {
    negative: [
      'the documentation is outdated',
      'hard to find answers in the help center',
      'the docs do not cover the new features',
      'the user guide is thin and the API docs are missing examples',
    ],
    positive: [
      'the documentation is clear and complete',
      'the help center answers most of our questions',
      'good tutorials and up-to-date docs',
    ],
  },
};

/** Phrasings whose text states other themes than their bank's (see StatedThemes). */
export const STATED_THEMES_EN: StatedThemes = {
  'the product is great': [],
  'the API is limited and badly documented': ['integrations', 'documentation'],
};

/** Comments that carry a sentiment but name no theme. */
export const GENERIC_EN = {
  positive: ['very happy overall', 'great product, great team', 'keep up the good work', 'all good', 'we are very satisfied', 'highly recommend'],
  neutral: ['ok', 'nothing special to report', 'does the job', 'fine for now', 'no comment'],
  negative: ['very disappointed', 'not satisfied at all', 'we expected much more', 'considering other options', 'it is getting worse'],
} as const satisfies GenericBank;

export const CONNECTORS_EN = {
  contrast: [' but ', ', but ', '. However, ', '. On the other hand, '],
  addition: [' and ', ', and ', '. Also, ', '. Plus, ', ', also '],
  openers: ['', '', '', '', 'Overall, ', 'Honestly, ', 'To be honest, ', 'Frankly, '],
  closersPositive: ['', '', '', '', ' Thanks.', ' Keep it up!', ' Thank you.'],
  closersNegative: ['', '', '', '', ' Please fix this.', ' This needs to improve.', ' Not acceptable.'],
} as const satisfies ConnectorBank;

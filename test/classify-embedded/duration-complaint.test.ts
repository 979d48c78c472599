import { describe, expect, it } from 'vitest';
import { isDurationComplaint } from '../../src/classify/embedded/duration-complaint.ts';
import { foldedWords } from '../../src/classify/embedded/fold-text.ts';

const said = (text: string): boolean => isDurationComplaint(foldedWords(text));

describe('isDurationComplaint', () => {
  it('reads a long wait or a long time taken as a complaint, in both languages', () => {
    for (const t of [
      'it took 4 months to set up my broadband',
      'been waiting 3 weeks for a reply',
      'waited 3 days',
      'on hold for 2 hours',
      "I've been on the phone for over 4 hours",
      'took a couple of weeks',
      "j'attends depuis 3 semaines",
      'ils ont mis deux mois à répondre',
      '2 hours on the tarmac',
      'stuck in Denver for 5 hours',
      'sitting here for an hour with the doors closed',
      '45 min wait for a wheelchair',
      'on attend depuis une heure',
      'two hours in line at the counter',
      'waited in the line for an hour',
      '45 minutes in the queue',
      'queued for three hours at security',
      'une heure de queue à la caisse',
      'the claim has been under review for two months',
      'they kept us on the plane for an hour',
      'pending for 3 weeks',
    ])
      expect(said(t), t).toBe(true);
  });

  it('leaves short or praised durations, ownership and battery life alone', () => {
    for (const t of [
      'took 2 days to arrive',
      'only took 3 weeks',
      'delivered within 3 days',
      'I have worn it for 2 weeks and love it',
      'still holding up after 2 years',
      'the battery lasts 10 hours on the phone',
      "je l'ai depuis 2 ans",
      'livré en moins de 3 jours',
      'we waited',
      'waited 10 minutes',
      'we only waited 40 minutes',
      'sat down for an hour to read it',
      'the ride took 45 minutes',
      'in line with expectations for 2 years',
      'stood in line for 10 minutes',
      'a 20 minute queue',
      'delivered in under 2 days',
    ])
      expect(said(t), t).toBe(false);
  });
});

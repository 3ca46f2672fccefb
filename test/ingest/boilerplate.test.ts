import { describe, expect, it } from 'vitest';
import { isBoilerplate } from '../../src/ingest/boilerplate.js';

describe('isBoilerplate', () => {
  it.each([
    'Support independent journalism in our region. Donate today!',
    'Become a member and keep local news free.',
    'Sign up for our free morning newsletter.',
    'Subscribe now',
    'We use cookies to improve your experience. Accept all',
    'This site uses cookies. Find out more in our privacy policy.',
    '× Learn more',
    'No, thanks',
    'back | print',
    'back | printBookmark and Share',
    'Share this article: Facebook | Twitter | Email',
    'Home | News | Sport | Opinion | Weather',
    'Facebook Twitter LinkedIn Email',
    'Photo: Jon Reyes/The Harbour Ledger',
    'The harbour at dawn. Photo by Ana Silva/Flickr',
    'Roadworks on Mill Road. Photograph by Lena Ortiz',
    'A crowd outside the court (Getty Images)',
    '© 2025 The Harbour Ledger. All rights reserved.',
    'Copyright 2024 Northfield Post',
    'ISSN 1234-5678',
    'Read more: Summer water limits return for a third year',
    'Related stories',
    'You may also like',
    'Advertisement',
    'By Mara Ellison',
    'Compiled by Ky Stone',
    'Reporting by Jane Roe; Editing by John Doe',
    'Tags: transport, ferries',
    'newsdesk@harbourledger.example',
    'https://www.harbourledger.example/news',
    '* * *',
  ])('chrome: %s', (line) => {
    expect(isBoilerplate(line)).toBe(true);
  });

  it.each([
    'By 2029 the plant should supply 18% of peak demand.',
    'By the end of the year, the trust will have seeded two million oysters.',
    'The council voted 9-4 after a six-hour debate.',
    'Readers queued for hours to share their views with the panel.',
    'The newspaper first reported the leak in 2019.',
    'Councillors said the plan was the best option available to the city.',
    'Related charges were dropped in 2021, the court heard.',
  ])('reporting: %s', (line) => {
    expect(isBoilerplate(line)).toBe(false);
  });
});

describe('isBoilerplate on reporting about the words chrome uses', () => {
  it.each([
    'The copyright dispute dragged on for three years.',
    'Reporting by the Examiner found 40 faults in the new pipes.',
    'Photographers were kept 200 metres from the site.',
  ])('%s', (line) => {
    expect(isBoilerplate(line)).toBe(false);
  });
});

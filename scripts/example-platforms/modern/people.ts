import type { Person } from '../git.ts';

export const PEOPLE = {
  maya: { name: 'Maya Chen', email: 'maya.chen@meridian.example', tz: '+0100' },
  jonas: { name: 'Jonas Lindqvist', email: 'jonas.lindqvist@meridian.example', tz: '+0100' },
  amara: { name: 'Amara Okafor', email: 'amara.okafor@meridian.example', tz: '+0000' },
  diego: { name: 'Diego Ramírez', email: 'diego.ramirez@meridian.example', tz: '-0500' },
  dependabot: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com', tz: '+0000' },
} satisfies Record<string, Person>;

export type Who = keyof typeof PEOPLE;

/** GitHub handles, for CODEOWNERS and merge messages. */
export const HANDLES: Record<Exclude<Who, 'dependabot'>, string> = {
  maya: 'mayachen',
  jonas: 'jlindqvist',
  amara: 'amara-okafor',
  diego: 'dramirez',
};

export const ORG = 'meridian-commerce';
export const REPO = 'platform';

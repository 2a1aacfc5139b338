import { describe, expect, it } from 'vitest';
import { rankContest } from '../../src/draws/contest-ranking.ts';

describe('rankContest', () => {
  it.each([
    {
      name: 'more referrals first',
      entries: [{ ambassadorCode: 'A', referralTimes: [1] }, { ambassadorCode: 'B', referralTimes: [5, 6] }],
      expected: ['B', 'A'],
    },
    {
      name: 'a tie goes to who reached the count first',
      entries: [{ ambassadorCode: 'A', referralTimes: [1, 9] }, { ambassadorCode: 'B', referralTimes: [5, 6] }],
      expected: ['B', 'A'],
    },
    {
      name: 'then to the smaller code',
      entries: [{ ambassadorCode: 'ZED', referralTimes: [3] }, { ambassadorCode: 'AMY', referralTimes: [3] }],
      expected: ['AMY', 'ZED'],
    },
    {
      name: 'nobody without referrals',
      entries: [{ ambassadorCode: 'A', referralTimes: [] }, { ambassadorCode: 'B', referralTimes: [2] }],
      expected: ['B'],
    },
    { name: 'empty', entries: [], expected: [] },
  ])('$name', ({ entries, expected }) => {
    expect(rankContest(entries).map((standing) => standing.ambassadorCode)).toEqual(expected);
  });

  it('gives distinct ranks with counts and the time each count was reached', () => {
    expect(rankContest([{ ambassadorCode: 'A', referralTimes: [4, 2] }, { ambassadorCode: 'B', referralTimes: [7, 1] }])).toEqual([
      { rank: 1, ambassadorCode: 'A', referrals: 2, reachedAt: 4 },
      { rank: 2, ambassadorCode: 'B', referrals: 2, reachedAt: 7 },
    ]);
  });
});

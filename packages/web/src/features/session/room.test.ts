import { describe, expect, it } from 'vitest';
import { canSkip, clockText, countdown, groupSessions, handsView, myHand, nextPending, tallyDisplay, turnoutRatio } from './room.ts';

const at = (iso: string) => Date.parse(iso);

describe('countdown', () => {
  const start = '2026-11-28T10:00:00.000Z';
  const end = '2026-11-28T10:10:00.000Z';

  it('counts down the time box in whole seconds, rounding up', () => {
    const left = countdown(at('2026-11-28T10:04:59.500Z'), start, end);
    expect(left).toEqual({ remainingSeconds: 301, overtimeSeconds: 0, used: expect.closeTo(0.4992, 3), overtime: false });
  });

  it('counts overtime once the box is used up, and the bar stays full', () => {
    const over = countdown(at('2026-11-28T10:11:30.000Z'), start, end);
    expect(over).toMatchObject({ remainingSeconds: 0, overtimeSeconds: 90, used: 1, overtime: true });
  });

  it('has nothing to show for a phase without a time box', () => {
    expect(countdown(at(start), start, null)).toBeNull();
    expect(countdown(at(start), start, 'not a date')).toBeNull();
  });

  it('copes with a missing start', () => {
    expect(countdown(at(start), null, end)).toMatchObject({ remainingSeconds: 600, used: 0 });
  });
});

describe('clockText', () => {
  it('writes minutes and seconds, and hours past an hour', () => {
    expect(clockText(0)).toBe('0:00');
    expect(clockText(65)).toBe('1:05');
    expect(clockText(600)).toBe('10:00');
    expect(clockText(3723)).toBe('1:02:03');
    expect(clockText(-4)).toBe('0:00');
  });
});

describe('agenda', () => {
  it('offers the first pending item only when nothing is in play', () => {
    const agenda = [
      { id: 'b', position: 2, phase: 'PENDING' },
      { id: 'a', position: 1, phase: 'DECIDED' },
      { id: 'c', position: 3, phase: 'PENDING' },
    ];
    expect(nextPending(agenda)?.id).toBe('b');
    expect(nextPending([...agenda, { id: 'd', position: 4, phase: 'VOTING' }])).toBeNull();
    expect(nextPending([{ id: 'a', position: 1, phase: 'SKIPPED' }])).toBeNull();
  });

  it('never skips a vote under way', () => {
    expect(canSkip('DISCUSSING')).toBe(true);
    expect(canSkip('VOTING')).toBe(false);
    expect(canSkip('DECIDED')).toBe(false);
  });
});

describe('groupSessions', () => {
  it('puts live ones first, the soonest coming next, and the latest over first', () => {
    const sessions = [
      { id: 'old', status: 'ENDED', scheduledAt: '2026-09-01T10:00:00Z', endedAt: '2026-09-01T12:00:00Z' },
      { id: 'later', status: 'SCHEDULED', scheduledAt: '2026-12-10T10:00:00Z' },
      { id: 'now', status: 'LIVE', scheduledAt: '2026-11-28T10:00:00Z', startedAt: '2026-11-28T10:01:00Z' },
      { id: 'soon', status: 'SCHEDULED', scheduledAt: '2026-12-01T10:00:00Z' },
      { id: 'recent', status: 'ENDED', scheduledAt: '2026-11-01T10:00:00Z', endedAt: '2026-11-01T12:00:00Z' },
      { id: 'called-off', status: 'CANCELLED', scheduledAt: '2026-10-01T10:00:00Z' },
    ];
    const groups = groupSessions(sessions);
    expect(groups.live.map((s) => s.id)).toEqual(['now']);
    expect(groups.upcoming.map((s) => s.id)).toEqual(['soon', 'later']);
    expect(groups.past.map((s) => s.id)).toEqual(['recent', 'called-off', 'old']);
  });
});

describe('tallyDisplay', () => {
  it('shows bars whenever the server gave counts', () => {
    expect(tallyDisplay('VOTING', true, true)).toBe('bars');
    expect(tallyDisplay('DECIDED', true, true)).toBe('bars');
  });
  it('promises the counts after the vote when the session hides them', () => {
    expect(tallyDisplay('VOTING', true, false)).toBe('afterClose');
    expect(tallyDisplay('VOTING', false, false)).toBe('none');
    expect(tallyDisplay('DISCUSSING', true, false)).toBe('none');
  });
});

describe('turnoutRatio', () => {
  it('is voters over the electorate, and 0 without one', () => {
    expect(turnoutRatio(3, 12)).toBe(0.25);
    expect(turnoutRatio(0, 0)).toBe(0);
    expect(turnoutRatio(5, 4)).toBe(1);
  });
});

describe('hands', () => {
  const queried = [
    { id: 'h1', status: 'WAITING', user: { id: 'u1', displayName: '王' } },
    { id: 'h2', status: 'SPEAKING', user: { id: 'u2', displayName: '李' } },
  ];

  it('puts whoever has the floor first, and prefers the live snapshot to the query', () => {
    expect(handsView(null, queried).map((hand) => hand.handId)).toEqual(['h2', 'h1']);
    const live = [
      { handId: 'h1', userId: 'u1', displayName: '王', status: 'WAITING' },
      { handId: 'h3', userId: 'u3', displayName: '张', status: 'WAITING' },
      { handId: 'h2', userId: 'u2', displayName: '李', status: 'DONE' },
    ];
    expect(handsView(live, queried).map((hand) => hand.handId)).toEqual(['h1', 'h3']);
  });

  it("tells the viewer whether they have the floor or where they wait", () => {
    const hands = handsView(
      [
        { handId: 'h2', userId: 'u2', displayName: '李', status: 'SPEAKING' },
        { handId: 'h1', userId: 'u1', displayName: '王', status: 'WAITING' },
        { handId: 'h3', userId: 'u3', displayName: '张', status: 'WAITING' },
      ],
      [],
    );
    expect(myHand(hands, 'u2')).toEqual({ state: 'floor' });
    expect(myHand(hands, 'u3')).toEqual({ state: 'waiting', place: 2 });
    expect(myHand(hands, 'u9')).toEqual({ state: 'down' });
    expect(myHand(hands, null)).toEqual({ state: 'down' });
  });
});

import type { AppDeps } from '../../context.js';
import type { Decision } from '../../generated/sqlite/client.js';
import { InvalidStateError } from '../../errors.js';
import { contextFor } from '../../graphql/context-factory.js';
import { fireOnce, type ScheduledJob } from '../../scheduler/scheduler.js';
import { afterDecisionRecorded, closeVotingWindowIn } from './votes.service.js';

/** Closes every voting window whose closing time has passed, once, whichever process gets there first. */
export const closeDueVotingWindows: ScheduledJob = {
  name: 'voting.close-due-windows',
  async run(deps: AppDeps) {
    const due = await deps.db.votingWindow.findMany({
      where: { status: 'OPEN', closesAt: { lte: deps.clock.now() } },
      select: { id: true },
      orderBy: { closesAt: 'asc' },
      take: 100,
    });
    const ctx = contextFor(deps, { kind: 'system' }, { ip: 'scheduler', userAgent: 'scheduler', secure: false });
    let fired = 0;
    for (const { id } of due) {
      let decision: Decision | undefined;
      try {
        const won = await fireOnce(deps, 'voting.close', `window:${id}`, async (tx) => {
          decision = await closeVotingWindowIn(tx, ctx, id);
        });
        if (!won || !decision) continue;
      } catch (error) {
        // A cadre closed it by hand in the meantime: nothing left to do.
        if (error instanceof InvalidStateError) continue;
        throw error;
      }
      fired++;
      await afterDecisionRecorded(deps, decision);
    }
    return fired;
  },
};

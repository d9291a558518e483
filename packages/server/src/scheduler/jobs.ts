// Every periodic job of the server. A module with deadlines adds its job here.
import type { ScheduledJob } from './scheduler.js';
import { closeDueVotingWindows } from '../modules/votes/votes.jobs.js';

export const scheduledJobs: ScheduledJob[] = [
  closeDueVotingWindows,
];

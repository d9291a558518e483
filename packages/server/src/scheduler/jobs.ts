// Every periodic job of the server. A module with deadlines adds its job here.
import type { ScheduledJob } from './scheduler.js';
import { concernEscalationJob } from '../modules/concerns/concerns.service.js';
import { closeDueVotingWindows } from '../modules/votes/votes.jobs.js';
import { ratingWindowsJob } from '../modules/ratings/ratings.service.js';
import { ruleReviewsJob } from '../modules/rules/rules.service.js';
import { presenceSweepJob } from '../modules/sessions/room.service.js';

export const scheduledJobs: ScheduledJob[] = [
  concernEscalationJob,
  closeDueVotingWindows,
  ratingWindowsJob,
  ruleReviewsJob,
  presenceSweepJob,
];

// Every plain HTTP route. A module with HTTP endpoints (Open311, CSV export) adds its routes here.
import type { HttpRoute } from './routes.js';
import { healthRoute, photoRoute } from './core-routes.js';
import { exportRoute } from '../modules/exports/exports.routes.js';
import { benchMetricsRoute } from './bench-metrics.js';
import { open311Routes } from '../modules/open311/open311.routes.js';

export const httpRoutes: HttpRoute[] = [healthRoute, photoRoute, exportRoute, benchMetricsRoute, ...open311Routes];

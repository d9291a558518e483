import { lazy, Suspense } from 'react';
import { Skeleton } from '../Loading.tsx';
import type { TrendChartProps } from './TrendChart.tsx';

// recharts is big; it loads with the first chart on screen, never with a route's first paint.
const TrendChart = lazy(() => import('./TrendChart.tsx'));

export type { TrendChartProps, TrendPoint } from './TrendChart.tsx';

export function LazyTrendChart(props: TrendChartProps) {
  return (
    <Suspense fallback={<Skeleton lines={6} />}>
      <TrendChart {...props} />
    </Suspense>
  );
}

import { lazy, Suspense } from 'react';
import { Skeleton } from '../Loading.tsx';
import type { CategoryChartProps } from './CategoryChart.tsx';

// recharts is big; it loads with the first chart on screen, never with a route's first paint.
const CategoryChart = lazy(() => import('./CategoryChart.tsx'));

export type { CategoryBar, CategoryChartProps } from './CategoryChart.tsx';

export function LazyCategoryChart(props: CategoryChartProps) {
  return (
    <Suspense fallback={<Skeleton lines={6} />}>
      <CategoryChart {...props} />
    </Suspense>
  );
}

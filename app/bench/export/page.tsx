import { ExportBench } from '@/components/bench/ExportBench';

export const metadata = { title: 'Archwright — export benchmark', robots: { index: false } };

/** Benchmark page used by `npm run bench:export`; not linked from the app. */
export default function Page() {
  return <ExportBench />;
}

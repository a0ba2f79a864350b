import { BenchCanvas } from '@/components/bench/BenchCanvas';

export const metadata = { title: 'Archwright — canvas benchmark', robots: { index: false } };

/** Benchmark page used by `npm run bench:canvas`; not linked from the app. */
export default function Page() {
  return <BenchCanvas />;
}

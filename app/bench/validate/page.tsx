import { ValidateBench } from '@/components/bench/ValidateBench';

export const metadata = { title: 'Archwright — validation benchmark', robots: { index: false } };

/** Benchmark page used by `npm run bench:validate`; not linked from the app. */
export default function Page() {
  return <ValidateBench />;
}

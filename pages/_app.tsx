import type { AppProps } from 'next/app';
import { ThemeSync } from '@/components/theme/ThemeSync';
import '@/app/globals.css';

/** Pages Router shell: global styles and the theme class, as app/layout.tsx does for app/. */
export default function App({ Component, pageProps }: AppProps) {
  return (
    <>
      <ThemeSync />
      <Component {...pageProps} />
    </>
  );
}

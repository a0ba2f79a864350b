import { Head, Html, Main, NextScript } from 'next/document';
import { THEME_SCRIPT } from '@/components/theme/theme';
import { APP_NAME, THEME_COLORS } from '@/components/theme/meta';

/** The HTML around Pages Router routes: language, icon, theme colour, and the pre-paint theme. */
export default function Document() {
  return (
    <Html lang="en">
      <Head>
        <meta name="application-name" content={APP_NAME} />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        {THEME_COLORS.map((t) => (
          <meta key={t.media} name="theme-color" media={t.media} content={t.color} />
        ))}
        {/* Adds `dark` to <html> before the first paint, so dark mode never flashes light. */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </Head>
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}

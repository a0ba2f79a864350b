import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { THEME_SCRIPT } from '@/components/theme/theme';
import { ThemeSync } from '@/components/theme/ThemeSync';
import { APP_DESCRIPTION, APP_NAME, THEME_COLORS } from '@/components/theme/meta';
import './globals.css';

// The editor route (/) is in pages/ (see pages/index.tsx); this layout serves the other routes.
export const metadata: Metadata = {
  title: APP_NAME,
  description: APP_DESCRIPTION,
  applicationName: APP_NAME,
  icons: { icon: { url: '/icon.svg', type: 'image/svg+xml' } },
};

export const viewport: Viewport = { themeColor: THEME_COLORS.map((t) => ({ ...t })) };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script adds `dark` to <html> before hydration: that mismatch is expected.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <ThemeSync />
        {children}
      </body>
    </html>
  );
}

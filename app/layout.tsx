import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { THEME_SCRIPT } from '@/components/theme/theme';
import { ThemeSync } from '@/components/theme/ThemeSync';
import './globals.css';

export const metadata: Metadata = {
  title: 'Archwright',
  description: 'Design microservice architectures, see their anti-patterns live, share, present and export them as runnable projects.',
  applicationName: 'Archwright',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fafafa' },
    { media: '(prefers-color-scheme: dark)', color: '#0a0a0a' },
  ],
};

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

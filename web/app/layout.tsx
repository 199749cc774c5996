import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import InitColorSchemeScript from '@mui/material/InitColorSchemeScript';
import { BottomNav } from '@/components/layout/bottom-nav';
import { Header } from '@/components/layout/header';
import { OfflineBanner } from '@/components/pwa/offline-banner';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(process.env.PUBLIC_URL ?? 'http://localhost:3000'),
  title: { default: 'BigTix: resale tickets', template: '%s · BigTix' },
  description: 'Buy and sell tickets for real events, safely, from your phone.',
  applicationName: 'BigTix',
  appleWebApp: { capable: true, title: 'BigTix', statusBarStyle: 'default' },
  icons: { icon: '/icons/icon-192.png', apple: '/icons/apple-touch-icon.png' },
  openGraph: { siteName: 'BigTix', type: 'website' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#0d47a1' },
    { media: '(prefers-color-scheme: dark)', color: '#121212' },
  ],
};

// The shell is plain server markup (app/globals.css); MUI's provider lives in app/(mui)/layout.tsx
// so the home and event pages ship no MUI or Emotion. InitColorSchemeScript is an inline script
// (no client JS) that sets the light/dark class before paint for both kinds of page.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The CSP nonce of this response (proxy.ts): the inline script runs only with it.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body>
        <InitColorSchemeScript attribute="class" defaultMode="system" nonce={nonce} />
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Header />
        <OfflineBanner />
        <main id="main" className="bt-main">
          {children}
        </main>
        <BottomNav />
      </body>
    </html>
  );
}

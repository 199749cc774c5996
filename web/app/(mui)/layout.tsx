import { AppRouterCacheProvider } from '@mui/material-nextjs/v16-appRouter';
import { Providers } from '@/components/layout/providers';

// The pages built from MUI components (forms, checkout, orders, listings, tickets) get the MUI
// theme and Emotion's SSR cache here. Home and event pages sit outside this group, render plain
// server markup, and so never download or hydrate MUI.
export default function MuiLayout({ children }: { children: React.ReactNode }) {
  return (
    <AppRouterCacheProvider options={{ key: 'css' }}>
      <Providers>{children}</Providers>
    </AppRouterCacheProvider>
  );
}

import withSerwistInit from '@serwist/next';

// Serwist (the maintained successor of next-pwa) compiles app/sw.ts into public/sw.js at build time.
// It needs webpack, hence `next build --webpack` on Next 16.
const withSerwist = withSerwistInit({
  swSrc: 'app/sw.ts',
  swDest: 'public/sw.js',
  // A service worker in `next dev` caches stale bundles and confuses hot reload.
  disable: process.env.NODE_ENV === 'development',
  // Pages the app shell needs offline; the revision changes with every build.
  additionalPrecacheEntries: [{ url: '/offline', revision: `${Date.now()}` }],
  // Reloading every open page when the network returns would throw away a half-typed listing or
  // card form; only the offline fallback reloads itself (components/pwa/reload-when-online.tsx).
  reloadOnOnline: false,
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  transpilePackages: ['@bigtix/common'],
  poweredByHeader: false,
  reactStrictMode: true,
  images: { unoptimized: true },
  experimental: { optimizePackageImports: ['@mui/material', '@mui/icons-material'] },
};

export default withSerwist(nextConfig);

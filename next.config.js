/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Tests and benchmarks address the dev server by IP; allow it so client scripts load there too.
  allowedDevOrigins: ['127.0.0.1'],
  // Design files are parsed in the browser; nothing is sent to a server.
  typescript: { ignoreBuildErrors: false },
  turbopack: {
    resolveAlias: {
      // The browser loads the zod-backed model after the canvas is interactive (first-load budget,
      // DESIGN §7); Node, tests and the server use the eager module. See lib/store/model.ts.
      '@/lib/store/model': { browser: './lib/store/model.browser.ts' },
    },
  },
};

module.exports = nextConfig;

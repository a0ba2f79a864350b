/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Tests and benchmarks address the dev server by IP; allow it so client scripts load there too.
  allowedDevOrigins: ['127.0.0.1'],
  // Design files are parsed in the browser; nothing is sent to a server.
  typescript: { ignoreBuildErrors: false },
  // The validation benchmark page is cross-origin isolated so that performance.now() has 5 µs
  // resolution (100 µs otherwise); it loads nothing from other origins.
  async headers() {
    return [
      {
        source: '/bench/validate',
        headers: [
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
        ],
      },
    ];
  },
  turbopack: {
    resolveAlias: {
      // The browser loads the zod-backed model after the canvas is interactive (first-load budget,
      // DESIGN §7); Node, tests and the server use the eager module. See lib/store/model.ts.
      '@/lib/store/model': { browser: './lib/store/model.browser.ts' },
    },
  },
};

module.exports = nextConfig;

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Tests and benchmarks address the dev server by IP; allow it so client scripts load there too.
  allowedDevOrigins: ['127.0.0.1'],
  // Design files are parsed in the browser; nothing is sent to a server.
  typescript: { ignoreBuildErrors: false },
};

module.exports = nextConfig;

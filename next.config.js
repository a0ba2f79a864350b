/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Design files are parsed in the browser; nothing is sent to a server.
  typescript: { ignoreBuildErrors: false },
};

module.exports = nextConfig;

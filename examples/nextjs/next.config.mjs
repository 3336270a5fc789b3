// This folder is the app's root, also when it sits inside another project (as in this repo).
/** @type {import('next').NextConfig} */
const nextConfig = {
  turbopack: {root: import.meta.dirname},
  outputFileTracingRoot: import.meta.dirname,
};

export default nextConfig;

/** @type {import('next').NextConfig} */
// Nothing sidecard-specific: no transpilePackages, no serverExternalPackages.
const nextConfig = {};
export default nextConfig;

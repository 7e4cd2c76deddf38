import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const config: NextConfig = {
  output: "standalone",
  // The npm workspace root, so the standalone build carries the SDK.
  outputFileTracingRoot: path.join(import.meta.dirname, ".."),
  transpilePackages: ["@sejour/sdk"],
  poweredByHeader: false,
  // The API already serves resized photo variants.
  images: { unoptimized: true },
  experimental: {
    // Photos go through a server action to the API, which takes up to 10 MiB (SEJOUR_MAX_UPLOAD_BYTES).
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
};

export default createNextIntlPlugin("./src/i18n/request.ts")(config);

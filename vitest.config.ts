import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Tests never reach Telegram; pino transports are never started under vitest.
    environment: "node",
    testTimeout: 15_000,
  },
});

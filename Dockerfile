# kkpham-bot as a container: a build stage compiles TypeScript to dist/, the final stage
# holds only production dependencies, the compiled code, data/ and locales/, and runs as
# the unprivileged `node` user. test/ops/container.test.ts runs this file's build and start
# steps in a clean temporary directory (no container engine runs on CI machines).

# ---- build: all dependencies, tsc → dist/ ------------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ---- run: production dependencies only ---------------------------------------------------
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    STATE_DIR=/var/lib/kkpham \
    HEALTH_PORT=9090
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY data ./data
COPY locales ./locales
RUN mkdir -p /var/lib/kkpham && chown node:node /var/lib/kkpham
USER node
# Sessions (SQLite) and the terminal chat's charts; unused with REDIS_URL but harmless.
VOLUME ["/var/lib/kkpham"]
# 8080: the webhook (WEBHOOK_URL set); 9090: /healthz, /readyz, /metrics.
EXPOSE 8080 9090
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HEALTH_PORT||9090)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM reaches node directly (exec form): the bot finishes the updates in flight.
# SIGHUP (docker kill -s HUP) reloads the data.
CMD ["node", "dist/main.js"]

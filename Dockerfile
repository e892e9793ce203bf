# syntax=docker/dockerfile:1
# The Node server in a container: docker build -t shishi-qa . && docker run -p 3000:3000 shishi-qa
# (docs/deployment.md). tests/dockerfile.test.ts replays both stages without Docker: it copies what
# each COPY line names, runs the build stage's RUN lines, then starts the runtime stage's CMD with its
# ENV and checks /healthz, an answer and the HEALTHCHECK command, so a file left out here fails CI.

FROM node:20-slim AS build
WORKDIR /app
# Dependencies first, so this layer is rebuilt only when the lockfile changes. Install scripts are
# skipped (node:20's npm 10 ignores .npmrc's allow list and would run them all), except the one
# that is needed: better-sqlite3's, which fetches (or compiles) its native addon.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3
COPY tsconfig.json ./
COPY src ./src
COPY corpus ./corpus
COPY prompts ./prompts
# The web assets, the index snapshot and the server bundle (not `npm run build`: its wrangler
# dry-run makes the Workers bundle, which this image does not serve).
RUN npm run build:web && npm run build:index && npm run build:server

FROM node:20-slim
# MALLOC_ARENA_MAX: two glibc malloc arenas instead of one per thread (resident memory after a minute of load ~121 → ~112 MiB).
# MALLOC_TRIM_THRESHOLD_: glibc's default, but set, so no sliding mmap threshold (src/node/server-node-flags.ts).
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=2 \
    MALLOC_TRIM_THRESHOLD_=131072 \
    HOST=0.0.0.0 \
    PORT=3000 \
    CACHE_DIR=/app/.cache \
    DATA_DIR=/app/data
WORKDIR /app
# The bundle carries its dependencies (esbuild) except the database drivers, which build:server
# copies with their own dependencies into build/server/node_modules (a native addon cannot be
# bundled); no other node_modules. It finds corpus/ and prompts/ two levels above build/server/.
# The files stay root's: the server cannot rewrite its own code.
COPY --from=build /app/build/server ./build/server/
COPY --from=build /app/build/public ./build/public/
COPY --from=build /app/build/index-snapshot.json ./build/
COPY --from=build /app/corpus ./corpus/
COPY --from=build /app/prompts ./prompts/
# The one writable directory: the embedding cache (used with a remote embedding model).
RUN mkdir -p /app/.cache && chown node:node /app/.cache
# The SQLite database (recorded questions, feedback, staff review): mount a volume here to keep it
# across containers (docker run -v qa-data:/app/data), or set DATABASE_URL for PostgreSQL.
RUN mkdir -p /app/data && chown node:node /app/data
# The image's `node` user, by number so that Kubernetes' runAsNonRoot can check it.
USER 1000:1000
EXPOSE 3000
# slim has no curl; Node 20's fetch does the check (HOST is 0.0.0.0, so loopback reaches it).
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself is PID 1: SIGTERM (docker stop) reaches the server, which drains answers in flight for
# up to SHUTDOWN_TIMEOUT_MS (10 s); give docker stop more than that (docker stop -t 15).
# A 1 MB young generation: under load the default (16 MB per half) moves requests in flight into the old
# generation, which then fills with garbage (RSS after a minute of load 239 → 138 MiB); and the old
# generation grows to 1.2× what survived a full GC, not up to 4× (RSS after load 134–226 → 131–132 MiB).
# npm start and the benchmarks use the same flags (src/node/server-node-flags.ts).
# The server starts from its V8 startup snapshot (build:server builds it with these flags, which it
# must be run with): its modules loaded and its index built, the first /healthz in ~240 ms instead of ~360.
CMD ["node", "--max-semi-space-size=1", "--heap-growing-percent=20", "--snapshot-blob", "build/server/server.blob"]

# motcua in a container: docker build -t motcua . && docker run -p 3000:3000 -v motcua-data:/app/data motcua
# The README's "Triển khai / Deploying" section has the volumes, compose and systemd.
# test/deploy/dockerfile.test.ts runs this file's commands in a fresh clone; keep RUN
# paths relative to WORKDIR and the runtime stage to COPY lines, which it can follow.

# A registry mirror or a pinned digest can replace the base: --build-arg NODE_IMAGE=…
ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: production dependencies, with the tools better-sqlite3 compiles with ---
FROM ${NODE_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# No build step: bin/motcua.js runs the TypeScript sources through tsx, a production dependency.
RUN npm ci --omit=dev --no-audit --no-fund
# The SQLite file's folder (STORE_URL=sqlite://data/motcua.sqlite), handed to the runtime user below.
RUN mkdir -p data

# --- runtime: node, the dependencies built above and the sources; no compiler, no npm run ---
FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/data ./data
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY adapters ./adapters
COPY src ./src
# The shipped knowledge; a locality mounts its own over it: -v ./knowledge:/app/knowledge:ro
COPY knowledge ./knowledge
# "node" (uid 1000) comes with the base image; it owns data/ and nothing else here.
USER node
EXPOSE 3000
VOLUME ["/app/data"]
# The slim image has no curl: node asks /readyz (store reachable, knowledge loaded) itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, never npm start: SIGTERM reaches the server, which closes the store and stops cleanly.
CMD ["node", "bin/motcua.js", "serve"]

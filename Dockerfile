# One image for both processes: `node dist/server.js` (API) and `node dist/worker.js` (worker).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prisma.js scripts/prisma.js
COPY prisma prisma
COPY prisma.config.ts ./
# npm install, not npm ci: see .ci/run on lockfiles without other platforms' optional packages.
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/prisma prisma
COPY --from=build /app/package.json ./
# The artifact volume (docker-compose.yml) takes this directory's owner when first mounted.
RUN mkdir -p /data/artifacts && chown node:node /data/artifacts
USER node
EXPOSE 3000
CMD ["node", "dist/server.js"]

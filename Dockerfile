# The API image. Neo4j runs in its own container (docker-compose.yml), so this image needs
# neither Java nor Maven: it always starts with NEO4J_URI set.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json tsconfig.explorer.json ./
COPY src ./src
COPY scripts ./scripts
# The service, then the explorer page's browser modules (dist/explorer).
RUN npx tsc -p tsconfig.build.json && npx tsc -p tsconfig.explorer.json && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY cypher ./cypher
COPY schema ./schema
# The official datasets npm start imports (data/datasets/startup.json).
COPY data ./data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD node -e "fetch('http://127.0.0.1:4000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]

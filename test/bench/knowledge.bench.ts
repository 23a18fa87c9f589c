/**
 * Knowledge bases through the real runtime (`npm start`: wrangler dev, workerd, local D1):
 * 1. ingest ~5 MB of mixed Chinese/English Markdown (20 documents of ~256 KB, chunking 300/30, keyword
 *    only) with `POST /api/knowledge-bases/{id}/documents`: total time, chunks, chunks/s;
 * 2. top-5 keyword queries (`POST …/query`, mixed zh/en) over the resulting 10,000+ chunks, median and
 *    p95, interleaved round by round with the floor: `GET /api/knowledge-bases/{unknown id}`, one
 *    indexed D1 read (a bare D1 round trip) through the same HTTP, auth and Worker path.
 * 3. the same corpus in a base with `local:hash` embeddings (256 dimensions), then top-5 vector and hybrid
 *    queries (exact cosine over every vector of the base, in the Worker), next to the same floor.
 * Target: keyword query median under 20 ms locally.
 * Usage: npm run bench:knowledge   (ROUNDS, WARMUP, VECTOR_ROUNDS to change; VECTOR_ROUNDS=0 skips step 3)
 */
import { createClient } from '@edgeflow/api';
import { startPlatform } from '../support/platform.ts';
import { setting } from './bench-setup.ts';
import { benchmarkQueries, mixedCorpus } from './knowledge-corpus.ts';
import { format, interleave, summarize } from './stats.ts';

const rounds = setting('ROUNDS', 200);
const warmup = setting('WARMUP', 20);
const vectorRounds = process.env.VECTOR_ROUNDS === '0' ? 0 : setting('VECTOR_ROUNDS', 20);
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

async function main() {
  console.log(`Knowledge benchmark (Node ${process.version}): starting the platform…`);
  const platform = await startPlatform();
  try {
    const admin = createClient({ baseUrl: platform.baseUrl, key: platform.adminToken });
    const base = await admin.createKnowledgeBase({ name: 'benchmark', chunking: { size: 300, overlap: 30 } });
    const corpus = mixedCorpus(5 * 1024 * 1024, 256 * 1024);
    const bytes = corpus.reduce(
      (sum, document) => sum + new TextEncoder().encode(document.text).byteLength,
      0,
    );
    console.log(`Ingesting ${corpus.length} documents, ${megabytes(bytes)} of text…`);
    const started = performance.now();
    let chunks = 0;
    const perDocument: number[] = [];
    for (const document of corpus) {
      const begun = performance.now();
      const added = await admin.addDocument(base.id, {
        title: document.title,
        text: document.text,
        type: 'markdown',
      });
      perDocument.push(performance.now() - begun);
      chunks += added.chunkCount;
    }
    const seconds = (performance.now() - started) / 1000;
    const stats = summarize(perDocument);
    console.log(
      `ingest: ${megabytes(bytes)} in ${seconds.toFixed(2)} s, ${chunks} chunks, ` +
        `${Math.round(chunks / seconds)} chunks/s, ${(bytes / 1024 / 1024 / seconds).toFixed(2)} MB/s ` +
        `(per 256 KB document: median ${format(stats.median)}, p95 ${format(stats.p95)})`,
    );

    const queries = benchmarkQueries(50);
    let turn = 0;
    const headers = { authorization: `Bearer ${platform.adminToken}`, 'content-type': 'application/json' };
    const queryUrl = `${platform.baseUrl}/api/knowledge-bases/${base.id}/query`;
    const floorUrl = `${platform.baseUrl}/api/knowledge-bases/kb_doesnotexist0000000`;
    let found = 0;
    const samples = await interleave(
      {
        query: async () => {
          const query = queries[turn++ % queries.length] ?? '';
          const response = await fetch(queryUrl, {
            method: 'POST',
            headers,
            body: JSON.stringify({ query, topK: 5, mode: 'keyword' }),
          });
          const body = (await response.json()) as { chunks?: unknown[] };
          if (response.status !== 200) throw new Error(`query answered ${response.status}`);
          if ((body.chunks?.length ?? 0) > 0) found += 1;
        },
        floor: async () => {
          const response = await fetch(floorUrl, { headers });
          await response.arrayBuffer();
          if (response.status !== 404) throw new Error(`floor answered ${response.status}`);
        },
      },
      { rounds, warmup },
    );
    const query = summarize(samples.query ?? []);
    const floor = summarize(samples.floor ?? []);
    console.log(`top-5 keyword query over ${chunks} chunks (${query.n} samples, ${found} with results):`);
    console.log(`  query: median ${format(query.median)}, p95 ${format(query.p95)}`);
    console.log(
      `  floor (one D1 read through the same path): median ${format(floor.median)}, p95 ${format(floor.p95)}`,
    );
    console.log(
      `  ratio query/floor: median ${(query.median / floor.median).toFixed(2)}×, p95 ${(query.p95 / floor.p95).toFixed(2)}×; ` +
        `query − floor median ${format(query.median - floor.median)}`,
    );
    console.log(`  target: median under 20 ms: ${query.median < 20 ? 'within' : 'OVER'}`);

    if (vectorRounds > 0) {
      const embedded = await admin.createKnowledgeBase({
        name: 'benchmark vectors',
        chunking: { size: 300, overlap: 30 },
        embeddingModel: 'local:hash',
      });
      const begun = performance.now();
      let vectorChunks = 0;
      for (const document of corpus) {
        const added = await admin.addDocument(embedded.id, {
          title: document.title,
          text: document.text,
          type: 'markdown',
        });
        vectorChunks += added.chunkCount;
      }
      console.log(
        `ingest with local:hash embeddings: ${vectorChunks} chunks in ${((performance.now() - begun) / 1000).toFixed(2)} s`,
      );
      const embeddedUrl = `${platform.baseUrl}/api/knowledge-bases/${embedded.id}/query`;
      const modeQuery = (mode: string) => async () => {
        const response = await fetch(embeddedUrl, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query: queries[turn++ % queries.length] ?? '', topK: 5, mode }),
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${mode} query answered ${response.status}`);
      };
      const vectorSamples = await interleave(
        {
          vector: modeQuery('vector'),
          hybrid: modeQuery('hybrid'),
          floor: async () => {
            const response = await fetch(floorUrl, { headers });
            await response.arrayBuffer();
          },
        },
        { rounds: vectorRounds, warmup: 2 },
      );
      const vectorFloor = summarize(vectorSamples.floor ?? []);
      console.log(
        `top-5 over ${vectorChunks} chunks with 256-dimensional vectors (${vectorRounds} samples each):`,
      );
      for (const mode of ['vector', 'hybrid']) {
        const stats = summarize(vectorSamples[mode] ?? []);
        console.log(
          `  ${mode}: median ${format(stats.median)}, p95 ${format(stats.p95)} ` +
            `(${(stats.median / vectorFloor.median).toFixed(1)}× the floor's median ${format(vectorFloor.median)})`,
        );
      }
    }
  } finally {
    await platform.stop();
  }
}

await main();

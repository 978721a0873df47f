import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Corpus } from './corpus';

/** What an editor would pass with a file: `npm run ingest -- <file> --title T --url U --published D`. */
export interface ArticleFileEntry {
  file: string;
  title: string;
  url: string;
  publishedOn: string;
}

/** Lists the files of the folder with what goes with each. */
export const MANIFEST = 'articles.json';

/**
 * The corpus's articles as files for the ingestion bench (bench/ingest.ts): each text in
 * `<dir>/<n>.txt`, in order, and the manifest beside them. The texts are the small scale's
 * (about 5,800 characters, some 60 sentences: a long news story; the large scale's are 14,000);
 * past the 600 articles of one small corpus, further corpora seeded `<seed>/2`, `<seed>/3`...
 * give more. Deterministic: the same count and seed give the same files.
 */
export function writeArticleFiles(dir: string, count: number, seed: string): ArticleFileEntry[] {
  const entries: ArticleFileEntry[] = [];
  for (let round = 1; entries.length < count; round++) {
    const corpus = new Corpus('small', round === 1 ? seed : `${seed}/${round}`);
    for (const chunk of corpus.articleChunks(100)) {
      for (const article of chunk.articles.slice(0, count - entries.length)) {
        const number = entries.length + 1;
        const file = `${String(number).padStart(5, '0')}.txt`;
        writeFileSync(path.join(dir, file), `${String(article.props.text)}\n`);
        entries.push({
          file,
          title: article.name,
          // Titles repeat within a corpus and URLs across corpora: a URL of its own keeps each
          // article the first revision of itself (the same URL with another text is a new revision).
          url: `https://news.example/ingest/${number}`,
          publishedOn: String(article.props.publishedOn),
        });
      }
      if (entries.length === count) break;
    }
  }
  writeFileSync(path.join(dir, MANIFEST), JSON.stringify(entries));
  return entries;
}

// bench/ingest.ts runs this file as a child process, so the corpus's memory is never the ingester's.
if (require.main === module) {
  const [dir, count, seed] = process.argv.slice(2);
  writeArticleFiles(dir!, Number(count), seed!);
}

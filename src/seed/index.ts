/** The seed's door: the curated graph of the corpus, and loading it. */
export { isGraphEmpty, loadSeed } from './seed-loader';
export { readSeedGraph } from './seed-data';

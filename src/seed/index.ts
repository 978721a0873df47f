/** The seed's door: the curated graph of the corpus, and loading it. */
export { loadSeed, refreshSeed, seedState, type SeedState } from './seed-loader';
export { readSeedGraph } from './seed-data';

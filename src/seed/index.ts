/** The seed's door: the curated graph of the corpus, and loading it. */
export { loadSeed, refreshSeed, seedState, type SeedState } from './seed-loader';
export { deriveMentions, type SeedMention } from './mentions';
export { readArticleTexts, readSeedGraph } from './seed-data';

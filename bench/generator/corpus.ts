import { DERIVED_RELATION_TYPES, encodeEvidence, RELATION_TYPES, slugify, statisticLinks, type EntityKind } from '../../src/index';
import { Prng } from '../lib/prng';
import * as words from './vocabulary';

/**
 * A synthetic corpus with the service's ontology (docs/ontology.md), deterministic from a seed:
 * the same scale and seed give the same nodes, texts, relations and mentions, byte for byte.
 *
 * Shapes follow the curated seed: every relation carries the article and a sentence of it that
 * states it, verbatim; statistics have periods (2020-2025), a source, usually a reporter and
 * places, and their REPORTED/STATES/HAS_ORIGIN/HAS_DESTINATION/ABOUT_PLACE links are derived as
 * the seed loader derives them; an article is PUBLISHED_BY the publication its lead names. Ends
 * of relations are drawn with a skew (see Prng.skewed), so some entities are hubs with
 * thousands of relations, as "Canada" or "CBP" are in real reporting.
 */

export type ScaleName = 'tiny' | 'small' | 'large';

export interface ScaleSpec {
  name: ScaleName;
  /** Nodes of every kind, articles and statistics included. */
  entities: number;
  /** Typed relations, derived and curated (MENTIONS are counted apart). */
  relations: number;
}

export const SCALES: Readonly<Record<ScaleName, ScaleSpec>> = {
  tiny: { name: 'tiny', entities: 1_000, relations: 5_000 },
  small: { name: 'small', entities: 10_000, relations: 50_000 },
  large: { name: 'large', entities: 100_000, relations: 1_000_000 },
};

export const DEFAULT_SEED = 'border-kg-bench-1';

/** Bumped whenever the generator's output changes, so a loaded database is known to be stale. */
export const GENERATOR_VERSION = 2;

/**
 * The kinds the synthetic corpus is made of: those whose share of real reporting the benchmark
 * models. Kinds the ontology has beyond them (groups, parties, equipment) are left out, and so
 * are the relation types that need one of them at an end.
 */
export const CORPUS_KINDS = ['PERSON', 'ORGANIZATION', 'PLACE', 'POLICY', 'EVENT', 'STATISTIC', 'ARTICLE'] as const;
export type CorpusKind = (typeof CORPUS_KINDS)[number];
const isCorpusKind = (kind: EntityKind): kind is CorpusKind => (CORPUS_KINDS as readonly string[]).includes(kind);

/** Share of each kind among the entities of a scale. */
const KIND_SHARE: Readonly<Record<CorpusKind, number>> = {
  ARTICLE: 0.06,
  PERSON: 0.22,
  ORGANIZATION: 0.14,
  PLACE: 0.05,
  POLICY: 0.1,
  EVENT: 0.08,
  STATISTIC: 0.35,
};

/** How often each curated relation type is stated, relative to the others. */
const CURATED_WEIGHT: Readonly<Record<string, number>> = {
  CITES: 10,
  REPORTED_ON: 10,
  CO_CHAIRS: 1,
  REPRESENTS: 2,
  CRITICIZED: 10,
  IMPLEMENTED: 6,
  THREATENED: 3,
  PRESSURED: 6,
  PART_OF: 3,
  CONCERNS: 10,
  INVOLVES: 8,
  OCCURRED_IN: 5,
  FOLLOWED: 4,
  BORDERS: 1,
  SEPARATES: 0.5,
  QUANTIFIES: 3,
  INCREASED_FROM: 2,
  DECREASED_FROM: 2,
  MEASURES_CHANGE_FROM: 0.5,
  MEASURES_CHANGE_TO: 0.5,
  CONTRASTED_WITH: 1,
};

export interface CorpusNode {
  id: string;
  kind: EntityKind;
  name: string;
  /** Every stored property; periodStart, periodEnd and publishedOn are ISO dates, stored as Neo4j dates. */
  props: Record<string, unknown>;
}

export interface CorpusRelation {
  type: string;
  fromId: string;
  toId: string;
  /** "<articleId>|<verbatim sentence>", as the service stores evidence. */
  evidence: string[];
}

export interface CorpusMention {
  articleId: string;
  entityId: string;
  position: number;
  sentence: string;
}

export interface ArticleChunk {
  articles: CorpusNode[];
  relations: CorpusRelation[];
  mentions: CorpusMention[];
}

interface StatisticPlan {
  node: CorpusNode;
  articleIndex: number;
  originId?: string;
  destinationId?: string;
  placeIds: string[];
  reportedById?: string;
  mentioned: string[];
}

interface ArticlePlan {
  id: string;
  title: string;
  publishedOn: string;
  publisher: CorpusNode;
  place: CorpusNode;
  statistics: StatisticPlan[];
}

interface Period {
  start: string;
  end: string;
  label: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const isoDate = (year: number, month: number, day: number) => `${year}-${pad2(month)}-${pad2(day)}`;
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function nameKeys(name: string, aliases: readonly string[]): string[] {
  return [...new Set([name, ...aliases].map((key) => key.toLowerCase()))];
}

function kindCounts(spec: ScaleSpec): Record<CorpusKind, number> {
  const counts = {} as Record<CorpusKind, number>;
  let assigned = 0;
  for (const kind of Object.keys(KIND_SHARE) as CorpusKind[]) {
    counts[kind] = Math.round(spec.entities * KIND_SHARE[kind]);
    assigned += counts[kind];
  }
  counts.STATISTIC += spec.entities - assigned;
  return counts;
}

/** Draws names from a combinatorial space without repeating one. */
class UniqueNames {
  private readonly used = new Set<string>();

  draw(rng: Prng, make: () => string): string {
    for (let attempt = 0; attempt < 50; attempt++) {
      const name = make();
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    // The spaces are far larger than the largest scale; a suffix keeps a rare clash unique.
    let n = 2;
    const base = make();
    while (this.used.has(`${base} ${n}`)) n += rng.between(1, 3);
    this.used.add(`${base} ${n}`);
    return `${base} ${n}`;
  }
}

export class Corpus {
  readonly spec: ScaleSpec;
  readonly seed: string;
  readonly counts: Record<CorpusKind, number>;
  /** Every non-article node, by kind; a pool's order decides its hubs (low indexes). */
  readonly pools: Record<Exclude<CorpusKind, 'ARTICLE'>, CorpusNode[]>;
  private readonly articlePlans: ArticlePlan[] = [];
  private readonly publicationIds = new Set<string>();
  private readonly curatedQuota: number[] = [];
  private readonly curatedTypes: { type: string; weight: number; fromKinds: CorpusKind[]; toKinds: CorpusKind[] }[];
  private readonly curatedWeightTotal: number;
  readonly derivedRelationCount: number;

  constructor(scale: ScaleName, seed: string = DEFAULT_SEED) {
    this.spec = SCALES[scale];
    this.seed = seed;
    this.counts = kindCounts(this.spec);
    const rng = new Prng(`${seed}/${scale}/entities`);
    const names = new UniqueNames();
    this.pools = { PLACE: [], ORGANIZATION: [], PERSON: [], POLICY: [], EVENT: [], STATISTIC: [] };

    this.makePlaces(rng.fork('places'), names);
    this.makeOrganizations(rng.fork('organizations'), names);
    this.makePersons(rng.fork('persons'), names);
    this.makePolicies(rng.fork('policies'), names);
    this.makeEvents(rng.fork('events'), names);
    this.makeArticlePlans(rng.fork('articles'));
    this.makeStatistics(rng.fork('statistics'));

    this.curatedTypes = RELATION_TYPES.filter((definition) => !DERIVED_RELATION_TYPES.has(definition.type))
      .map((definition) => ({
        type: definition.type,
        weight: CURATED_WEIGHT[definition.type] ?? 1,
        fromKinds: definition.fromKinds.filter(isCorpusKind),
        toKinds: definition.toKinds.filter(isCorpusKind),
      }))
      .filter((definition) => definition.fromKinds.length > 0 && definition.toKinds.length > 0);
    this.curatedWeightTotal = this.curatedTypes.reduce((sum, type) => sum + type.weight, 0);

    this.derivedRelationCount =
      this.articlePlans.length + this.statisticPlans().reduce((sum, plan) => sum + statisticLinks(this.linkContext(plan)).length, 0);
    const curated = Math.max(0, this.spec.relations - this.derivedRelationCount);
    const articles = this.articlePlans.length;
    for (let i = 0; i < articles; i++) this.curatedQuota.push(Math.floor(curated / articles) + (i < curated % articles ? 1 : 0));
  }

  get articleCount(): number {
    return this.articlePlans.length;
  }

  /** Every non-article node, in load order: they exist before any article's relations refer to them. */
  *entityNodes(): Generator<CorpusNode> {
    for (const kind of ['PLACE', 'ORGANIZATION', 'PERSON', 'POLICY', 'EVENT', 'STATISTIC'] as const) yield* this.pools[kind];
  }

  /**
   * Articles in order, a chunk at a time, each with the relations and mentions its sentences
   * state. Chunks must be consumed in order: relations are de-duplicated across the corpus.
   */
  *articleChunks(size: number): Generator<ArticleChunk> {
    const seen = new Set<string>();
    for (let start = 0; start < this.articlePlans.length; start += size) {
      const chunk: ArticleChunk = { articles: [], relations: [], mentions: [] };
      for (let index = start; index < Math.min(start + size, this.articlePlans.length); index++) {
        this.writeArticle(index, seen, chunk);
      }
      yield chunk;
    }
  }

  private statisticPlans(): StatisticPlan[] {
    return this.articlePlans.flatMap((article) => article.statistics);
  }

  private linkContext(plan: StatisticPlan) {
    return {
      id: plan.node.id,
      sourceId: plan.node.props.sourceId as string,
      evidence: plan.node.props.evidence as string,
      originId: plan.originId,
      destinationId: plan.destinationId,
      placeIds: plan.placeIds,
      reportedById: plan.reportedById,
    };
  }

  private add(kind: Exclude<CorpusKind, 'ARTICLE'>, name: string, aliases: string[], extra: Record<string, unknown>): CorpusNode {
    const pool = this.pools[kind];
    const id = `${kind.toLowerCase()}:${slugify(name)}-${pool.length}`;
    const node: CorpusNode = {
      id,
      kind,
      name,
      props: { id, kind, name, aliases, nameKeys: nameKeys(name, aliases), ...extra },
    };
    pool.push(node);
    return node;
  }

  private makePlaces(rng: Prng, names: UniqueNames) {
    const total = this.counts.PLACE;
    const canada = this.add('PLACE', 'Canada', ['CA'], { description: 'A country of North America.' });
    const us = this.add('PLACE', 'United States', ['U.S.', 'US', 'America'], { description: 'A country of North America.' });
    this.add('PLACE', 'U.S.-Canada border', ['northern border'], { description: 'The land border between the two countries.' });
    this.add('PLACE', 'U.S.-Mexico border', ['southern border'], { description: 'The land border between the two countries.' });
    const real = [
      ...words.PROVINCES.map((name) => ({ name, country: canada })),
      ...words.STATES.map((name) => ({ name, country: us })),
    ];
    for (const place of real) {
      if (this.pools.PLACE.length >= total) break;
      names.draw(rng, () => place.name);
      this.add('PLACE', place.name, [], { countryId: place.country.id, description: `A ${place.country === canada ? 'province' : 'state'}.` });
    }
    while (this.pools.PLACE.length < total) {
      const name = names.draw(rng, () =>
        rng.pick(words.PLACE_FORMS).replace('{}', rng.pick(words.TOWN_HEADS) + rng.pick(words.TOWN_TAILS)),
      );
      const country = rng.chance(0.5) ? canada : us;
      this.add('PLACE', name, [], { countryId: country.id, description: `A place in ${country.name}.` });
    }
  }

  private makeOrganizations(rng: Prng, names: UniqueNames) {
    const total = this.counts.ORGANIZATION;
    const country = (code: 'ca' | 'us') => this.pools.PLACE[code === 'ca' ? 0 : 1]!.id;
    for (const org of words.FIXED_ORGANIZATIONS) {
      names.draw(rng, () => org.name);
      this.add('ORGANIZATION', org.name, org.acronym ? [org.acronym] : [], {
        acronym: org.acronym ?? null,
        countryId: country(org.country),
        description: 'A government body.',
      });
    }
    const publications = Math.max(5, Math.round(total * 0.03));
    for (let i = 0; i < publications; i++) {
      const name = names.draw(rng, () => `The ${rng.pick(words.TOWN_HEADS)}${rng.pick(words.TOWN_TAILS)} ${rng.pick(words.PUBLICATION_WORDS)}`);
      this.publicationIds.add(this.add('ORGANIZATION', name, [], { description: 'A news publication.' }).id);
    }
    while (this.pools.ORGANIZATION.length < total) {
      const name = names.draw(
        rng,
        () => `${rng.pick(words.TOWN_HEADS)}${rng.pick(words.TOWN_TAILS)} ${rng.pick(words.ORG_DOMAINS)} ${rng.pick(words.ORG_TYPES)}`,
      );
      const acronym = name
        .split(/\s+/)
        .map((word) => word[0])
        .join('')
        .toUpperCase();
      this.add('ORGANIZATION', name, [acronym], {
        acronym,
        countryId: country(rng.chance(0.5) ? 'ca' : 'us'),
        description: `An organization working on ${name.split(' ').slice(1, -1).join(' ').toLowerCase()}.`,
      });
    }
  }

  private makePersons(rng: Prng, names: UniqueNames) {
    while (this.pools.PERSON.length < this.counts.PERSON) {
      const first = rng.pick(words.FIRST_NAMES);
      const last = rng.pick(words.LAST_NAMES);
      const name = names.draw(rng, () => `${first} ${String.fromCharCode(65 + rng.int(26))}. ${last}`);
      const title = rng.pick(words.PERSON_TITLES);
      this.add('PERSON', name, [`${first} ${last}`], { title, description: `A ${title} quoted in border reporting.` });
    }
  }

  private makePolicies(rng: Prng, names: UniqueNames) {
    while (this.pools.POLICY.length < this.counts.POLICY) {
      const topic = rng.pick(words.POLICY_TOPICS);
      const instrument = rng.pick(words.POLICY_INSTRUMENTS);
      const year = rng.between(2020, 2025);
      const name = names.draw(rng, () => `${rng.pick(words.POLICY_ADJECTIVES)} ${topic} ${instrument} of ${year}`);
      this.add('POLICY', name, [], { description: `A ${topic} measure announced in ${year}.` });
    }
  }

  private makeEvents(rng: Prng, names: UniqueNames) {
    while (this.pools.EVENT.length < this.counts.EVENT) {
      const year = rng.between(2020, 2025);
      const month = rng.between(1, 12);
      const place = this.pools.PLACE[rng.skewed(this.pools.PLACE.length)]!;
      const label = `${words.MONTHS[month - 1]} ${year}`;
      const name = names.draw(rng, () => `${rng.pick(words.EVENT_TYPES)} in ${place.name}, ${label}`);
      this.add('EVENT', name, [], {
        description: `Reported in ${label}.`,
        periodStart: isoDate(year, month, 1),
        periodEnd: isoDate(year, month, lastDay(year, month)),
        periodLabel: label,
      });
    }
  }

  private publications(): CorpusNode[] {
    return this.pools.ORGANIZATION.filter((org) => this.publicationIds.has(org.id));
  }

  private makeArticlePlans(rng: Prng) {
    const publications = this.publications();
    for (let index = 0; index < this.counts.ARTICLE; index++) {
      const place = this.pools.PLACE[rng.skewed(this.pools.PLACE.length)]!;
      const topic = rng.pick(words.POLICY_TOPICS);
      const title = `${capitalize(topic)} concerns in ${place.name} ${rng.pick(words.HEADLINE_VERBS)}`;
      // Dates from February 2020, so every article has at least one whole month before it.
      const day = rng.int(6 * 365 - 31) + 31;
      const publishedOn = new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
      this.articlePlans.push({
        id: `article:${slugify(title)}-${index}`,
        title,
        publishedOn,
        publisher: publications[rng.skewed(publications.length)]!,
        place,
        statistics: [],
      });
    }
  }

  private period(rng: Prng, before: string): Period {
    for (let attempt = 0; attempt < 10; attempt++) {
      const year = rng.between(2020, Number(before.slice(0, 4)));
      const shape = rng.next();
      let period: Period;
      if (shape < 0.55) {
        const month = rng.between(1, 12);
        period = { start: isoDate(year, month, 1), end: isoDate(year, month, lastDay(year, month)), label: `${words.MONTHS[month - 1]} ${year}` };
      } else if (shape < 0.7) {
        const quarter = rng.between(1, 4);
        const lastMonth = quarter * 3;
        period = {
          start: isoDate(year, lastMonth - 2, 1),
          end: isoDate(year, lastMonth, lastDay(year, lastMonth)),
          label: `the ${['first', 'second', 'third', 'fourth'][quarter - 1]} quarter of ${year}`,
        };
      } else if (shape < 0.85) {
        period = { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31), label: String(year) };
      } else {
        period = { start: isoDate(year - 1, 10, 1), end: isoDate(year, 9, 30), label: `fiscal year ${year}` };
      }
      if (period.end < before) return period;
    }
    const date = new Date(`${before}T00:00:00Z`);
    const year = date.getUTCMonth() === 0 ? date.getUTCFullYear() - 1 : date.getUTCFullYear();
    const month = date.getUTCMonth() === 0 ? 12 : date.getUTCMonth();
    return { start: isoDate(year, month, 1), end: isoDate(year, month, lastDay(year, month)), label: `${words.MONTHS[month - 1]} ${year}` };
  }

  private makeStatistics(rng: Prng) {
    const measureWeight = words.MEASURES.reduce((sum, spec) => sum + spec.weight, 0);
    const places = this.pools.PLACE;
    const agencies = this.pools.ORGANIZATION.filter((org) => !this.publicationIds.has(org.id));
    for (let index = 0; index < this.counts.STATISTIC; index++) {
      let roll = rng.next() * measureWeight;
      const spec = words.MEASURES.find((candidate) => (roll -= candidate.weight) < 0) ?? words.MEASURES[0]!;
      const articleIndex = rng.int(this.articlePlans.length);
      const article = this.articlePlans[articleIndex]!;
      const period = this.period(rng, article.publishedOn);
      const value = Math.round(spec.min + Math.pow(rng.next(), 3) * (spec.max - spec.min));
      const qualifierRoll = rng.next();
      const qualifier = qualifierRoll < 0.6 ? 'EXACT' : qualifierRoll < 0.85 ? 'APPROXIMATE' : qualifierRoll < 0.95 ? 'MORE_THAN' : 'LESS_THAN';
      const qualifierWord = { EXACT: '', APPROXIMATE: 'around ', MORE_THAN: 'more than ', LESS_THAN: 'fewer than ' }[qualifier];
      const valueText =
        spec.unit === 'percent' ? `${value}%` : spec.unit === 'USD' ? `$${(value / 1_000_000).toFixed(1)} million` : value.toLocaleString('en-US');
      const reporter = rng.chance(0.8) ? agencies[rng.skewed(agencies.length)] : undefined;
      const subject = reporter ? reporter.name : rng.pick(['Authorities', 'Border agents', 'Officials']);
      let origin: CorpusNode | undefined;
      let destination: CorpusNode | undefined;
      const about: CorpusNode[] = [];
      let sentence: string;
      let name: string;
      if (spec.movement) {
        origin = places[rng.skewed(places.length)]!;
        do destination = places[rng.skewed(places.length)]!;
        while (destination === origin);
        sentence = `${subject} recorded ${qualifierWord}${valueText} ${spec.measure} from ${origin.name} into ${destination.name} in ${period.label}.`;
        name = `${capitalize(spec.measure)} from ${origin.name} into ${destination.name}, ${period.label}`;
      } else {
        about.push(places[rng.skewed(places.length)]!);
        sentence = `${subject} put ${spec.measure} in ${about[0]!.name} at ${qualifierWord}${valueText} for ${period.label}.`;
        name = `${capitalize(spec.measure)} in ${about[0]!.name}, ${period.label}`;
      }
      if (rng.chance(0.2)) {
        const extra = places[rng.skewed(places.length)]!;
        if (extra !== origin && extra !== destination && !about.includes(extra)) {
          about.push(extra);
          sentence = `${sentence.slice(0, -1)}, a figure that also bears on ${extra.name}.`;
        }
      }
      const node = this.add('STATISTIC', name, [], {
        measure: spec.measure,
        value,
        valueText: `${qualifierWord}${valueText}`.trim(),
        unit: spec.unit,
        qualifier,
        evidence: sentence,
        sourceId: article.id,
        periodStart: period.start,
        periodEnd: period.end,
        periodLabel: period.label,
      });
      const placeIds = [...about.map((place) => place.id)];
      if (origin) placeIds.push(origin.id);
      if (destination) placeIds.push(destination.id);
      article.statistics.push({
        node,
        articleIndex,
        originId: origin?.id,
        destinationId: destination?.id,
        placeIds,
        reportedById: reporter?.id,
        mentioned: [node.id, ...(reporter ? [reporter.id] : []), ...placeIds],
      });
    }
  }

  private pickEnd(rng: Prng, kinds: readonly CorpusKind[], articleId: string): CorpusNode | string {
    const kind = rng.pick(kinds);
    if (kind === 'ARTICLE') return articleId;
    const pool = this.pools[kind];
    return pool[rng.skewed(pool.length)]!;
  }

  private writeArticle(index: number, seen: Set<string>, chunk: ArticleChunk) {
    const plan = this.articlePlans[index]!;
    const rng = new Prng(`${this.seed}/${this.spec.name}/article/${index}`);
    const sentences: { text: string; mentioned: string[] }[] = [];
    const lead = `${plan.title}, ${plan.publisher.name} reported from ${plan.place.name}.`;
    sentences.push({ text: lead, mentioned: [plan.publisher.id, plan.place.id] });
    chunk.relations.push({ type: 'PUBLISHED_BY', fromId: plan.id, toId: plan.publisher.id, evidence: [encodeEvidence(plan.id, lead)] });

    const body: { text: string; mentioned: string[]; relations: CorpusRelation[] }[] = [];
    for (const statistic of plan.statistics) {
      const text = statistic.node.props.evidence as string;
      const relations = statisticLinks(this.linkContext(statistic)).map((link) => ({
        type: link.type,
        fromId: link.fromId,
        toId: link.toId,
        evidence: link.evidence.map((evidence) => encodeEvidence(evidence.articleId, evidence.quote)),
      }));
      body.push({ text, mentioned: statistic.mentioned, relations });
    }
    for (let n = 0; n < this.curatedQuota[index]!; n++) {
      const statement = this.curatedStatement(rng, plan.id, seen);
      if (statement) body.push(statement);
    }
    // Shuffle the body so statistics and curated statements interleave, then number sentences.
    for (let i = body.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [body[i], body[j]] = [body[j]!, body[i]!];
    }
    for (const item of body) {
      sentences.push({ text: item.text, mentioned: item.mentioned });
      for (const relation of item.relations) relation.evidence = [encodeEvidence(plan.id, item.text)];
      chunk.relations.push(...item.relations);
    }

    const paragraphs: string[] = [];
    for (let i = 0; i < sentences.length; i += 4) paragraphs.push(sentences.slice(i, i + 4).map((s) => s.text).join(' '));
    chunk.articles.push({
      id: plan.id,
      kind: 'ARTICLE',
      name: plan.title,
      props: {
        id: plan.id,
        kind: 'ARTICLE',
        name: plan.title,
        aliases: [],
        nameKeys: nameKeys(plan.title, []),
        description: 'A synthetic article of the benchmark corpus.',
        title: plan.title,
        url: `https://news.example/${plan.id.slice('article:'.length)}`,
        publishedOn: plan.publishedOn,
        publishedOnInferred: false,
        text: paragraphs.join('\n\n'),
      },
    });
    sentences.forEach((sentence, position) => {
      for (const entityId of new Set(sentence.mentioned)) {
        if (entityId === plan.id) continue;
        chunk.mentions.push({ articleId: plan.id, entityId, position, sentence: sentence.text });
      }
    });
  }

  private curatedStatement(rng: Prng, articleId: string, seen: Set<string>) {
    for (let attempt = 0; attempt < 20; attempt++) {
      let roll = rng.next() * this.curatedWeightTotal;
      const type = this.curatedTypes.find((candidate) => (roll -= candidate.weight) < 0) ?? this.curatedTypes[0]!;
      const from = this.pickEnd(rng, type.fromKinds, articleId);
      const to = this.pickEnd(rng, type.toKinds, articleId);
      if (typeof to === 'string' || from === to) continue;
      const fromId = typeof from === 'string' ? from : from.id;
      const key = `${fromId}|${type.type}|${to.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const text = sentenceFor(rng, type.type, typeof from === 'string' ? undefined : from, to);
      const mentioned = typeof from === 'string' ? [to.id] : [from.id, to.id];
      return { text, mentioned, relations: [{ type: type.type, fromId, toId: to.id, evidence: [] as string[] }] };
    }
    return undefined;
  }
}

/** A sentence that states `<from> TYPE <to>` and names both ends (CITES: the article is the subject). */
function sentenceFor(rng: Prng, type: string, from: CorpusNode | undefined, to: CorpusNode): string {
  const f = from?.name ?? '';
  const t = to.name;
  const tail = rng.pick(words.STATEMENT_TAILS);
  switch (type) {
    case 'CITES':
      return `According to ${t}, the situation at the border remains under review.`;
    case 'REPORTED_ON':
      return `${f} gave an account of ${t}, ${tail}.`;
    case 'CO_CHAIRS':
      return `${f}, co-chair of ${t}, spoke at the hearing.`;
    case 'REPRESENTS':
      return `${f}, who represents ${t}, raised the issue again.`;
    case 'CRITICIZED':
      return `${f} criticized ${t}, ${tail}.`;
    case 'IMPLEMENTED':
      return `${f} implemented ${t} earlier in the year.`;
    case 'THREATENED':
      return `${f} threatened ${t} if talks fail, ${tail}.`;
    case 'PRESSURED':
      return `${f} pressured ${t} to tighten enforcement.`;
    case 'PART_OF':
      return `${f} is part of ${t}.`;
    case 'CONCERNS':
      return `${f} concerns ${t}, ${tail}.`;
    case 'INVOLVES':
      return `${f} involved ${t}.`;
    case 'OCCURRED_IN':
      return `${f} took place in ${t}.`;
    case 'FOLLOWED':
      return `${f} followed ${t}, ${tail}.`;
    case 'BORDERS':
      return `${f} borders ${t}.`;
    case 'SEPARATES':
      return `${f} separates ${t} from its neighbour.`;
    case 'QUANTIFIES':
      return `The figure for ${f} puts a number on ${t}.`;
    case 'INCREASED_FROM':
      return `${f} rose from ${t}.`;
    case 'DECREASED_FROM':
      return `${f} fell from ${t}.`;
    case 'MEASURES_CHANGE_FROM':
      return `The change in ${f} is measured from ${t}.`;
    case 'MEASURES_CHANGE_TO':
      return `The change in ${f} is measured to ${t}.`;
    case 'CONTRASTED_WITH':
      return `${f} stands against ${t}, ${tail}.`;
    default:
      return `${f} is linked to ${t}.`;
  }
}

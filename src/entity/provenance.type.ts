import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ProvenanceKind, storedProvenance, type ExtractionReview, type Provenance as ProvenanceRecord } from '../ontology';

registerEnumType(ProvenanceKind, {
  name: 'ProvenanceKind',
  description:
    'Where an assertion comes from: ASSERTED by the text, INFERRED by the curators (with a reason), EXTERNAL to the articles (with its source), or EXTRACTED by ingestion and accepted by an editor (with the review).',
});

@ObjectType({ description: 'How an extracted assertion came to be trusted: the proposal, its extractor, the editor who accepted it and when.' })
export class Review {
  @Field(() => ID, { description: 'The proposal it was accepted from (proposals(status: ACCEPTED) lists it).' })
  proposalId: string;

  @Field({ description: 'The extractor and its version, e.g. "statistics@1".' })
  extractor: string;

  @Field({ description: "The fingerprint of the editor's API key (never the key itself), e.g. \"key:3f2a9c1b7d04\"." })
  reviewedBy: string;

  @Field({ description: 'When the proposal was accepted (ISO 8601 date-time).' })
  reviewedAt: string;
}

@ObjectType({
  description: 'Where a relation, an alias, a description, a date or a period comes from, for a front end to show beside it.',
})
export class Provenance {
  @Field(() => ProvenanceKind, { description: 'ASSERTED by the text, INFERRED by the curators, or EXTERNAL to the articles.' })
  kind: ProvenanceKind;

  @Field(() => String, { nullable: true, description: 'Why the curators inferred it (INFERRED), or why an outside fact applies (EXTERNAL).' })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: "Where an outside fact comes from (EXTERNAL), e.g. 'common usage' or a URL." })
  source?: string | null;

  @Field(() => Review, { nullable: true, description: 'How an EXTRACTED assertion was reviewed.' })
  review?: ExtractionReview | null;
}

@ObjectType({ description: 'One other name of an entity, with where it comes from: the texts, or outside them.' })
export class Alias {
  @Field({ description: "The name, e.g. 'RCMP'." })
  name: string;

  @Field(() => Provenance, {
    nullable: true,
    description: 'ASSERTED where the texts spell it, EXTERNAL (e.g. "NYT") where they never do; null where not recorded.',
  })
  provenance: ProvenanceRecord | null;
}

/**
 * A provenance as nodes and relationships store it, `<prefix>ProvenanceKind` and
 * `<prefix>ProvenanceNote` (docs/ontology.md#provenance); null where none was recorded.
 */
export function provenanceOf(stored: object, prefix: string): ProvenanceRecord | null {
  const properties = stored as Record<string, unknown>;
  return storedProvenance(properties[`${prefix}ProvenanceKind`], properties[`${prefix}ProvenanceNote`]);
}

/** An entity's aliases with their provenance, from the parallel lists the seed stores. */
export function aliasesOf(stored: { aliases: string[] }): Alias[] {
  const properties = stored as { aliases: string[]; aliasProvenanceKinds?: unknown; aliasProvenanceNotes?: unknown };
  const kinds = Array.isArray(properties.aliasProvenanceKinds) ? properties.aliasProvenanceKinds : [];
  const notes = Array.isArray(properties.aliasProvenanceNotes) ? properties.aliasProvenanceNotes : [];
  // Lists written for other aliases say nothing about these (upsertEntity removes them; this guards older data).
  const aligned = kinds.length === stored.aliases.length;
  return stored.aliases.map((name, index) => ({ name, provenance: aligned ? storedProvenance(kinds[index], notes[index]) : null }));
}

import { BadUserInputError } from '../errors';
import type { EntityKind, ValueQualifier } from '../ontology';
import type { ProposalPayload } from './proposal.record';

/**
 * What an editor may correct before accepting (edit-then-accept). Each field applies to the
 * proposals of one kind; a field set on a proposal of another kind is refused rather than
 * ignored, so an editor never believes a correction was made that was not.
 */
export interface ProposalEdit {
  // A candidate entity
  name?: string | null;
  kind?: EntityKind | null;
  aliases?: string[] | null;
  // A statistic
  measure?: string | null;
  value?: number | null;
  unit?: string | null;
  qualifier?: ValueQualifier | null;
  period?: { start: string; end: string; label: string } | null;
  originId?: string | null;
  destinationId?: string | null;
  placeIds?: string[] | null;
  reportedById?: string | null;
  collectedById?: string | null;
  // A quotation
  speakerId?: string | null;
  // A relation
  type?: string | null;
  fromId?: string | null;
  toId?: string | null;
}

const FIELDS_OF: Readonly<Record<ProposalPayload['kind'], readonly (keyof ProposalEdit)[]>> = {
  ENTITY: ['name', 'kind', 'aliases'],
  MENTION: [],
  STATISTIC: ['measure', 'value', 'unit', 'qualifier', 'period', 'originId', 'destinationId', 'placeIds', 'reportedById', 'collectedById'],
  QUOTATION: ['speakerId'],
  RELATION: ['type', 'fromId', 'toId'],
};

/** The payload with the editor's corrections; `field` names the edit in refusals ("decisions[2].edit"). */
export function applyEdit(payload: ProposalPayload, edit: ProposalEdit, field: string): ProposalPayload {
  const given = (Object.keys(edit) as (keyof ProposalEdit)[]).filter((key) => edit[key] !== undefined && edit[key] !== null);
  const allowed = FIELDS_OF[payload.kind];
  const foreign = given.find((key) => !allowed.includes(key));
  if (foreign) {
    const hint = allowed.length > 0 ? `: edit ${allowed.join(', ')}` : ': nothing to edit, accept or reject it';
    throw new BadUserInputError(`${field}.${foreign} does not apply to a ${payload.kind} proposal${hint}`, { field: `${field}.${foreign}`, reason: 'NOT_APPLICABLE' });
  }
  const value = <K extends keyof ProposalEdit>(key: K) => edit[key] ?? undefined;
  switch (payload.kind) {
    case 'ENTITY': {
      const name = value('name')?.trim();
      if (name === '') throw new BadUserInputError(`${field}.name is empty`, { field: `${field}.name` });
      return { kind: 'ENTITY', entity: { ...payload.entity, name: name ?? payload.entity.name, kind: value('kind') ?? payload.entity.kind, aliases: value('aliases') ?? payload.entity.aliases } };
    }
    case 'STATISTIC':
      return {
        kind: 'STATISTIC',
        statistic: {
          ...payload.statistic,
          measure: value('measure') ?? payload.statistic.measure,
          value: value('value') ?? payload.statistic.value,
          unit: value('unit') ?? payload.statistic.unit,
          qualifier: value('qualifier') ?? payload.statistic.qualifier,
          period: edit.period ? { ...edit.period, rule: 'set by the reviewing editor' } : payload.statistic.period,
          originId: value('originId') ?? payload.statistic.originId,
          destinationId: value('destinationId') ?? payload.statistic.destinationId,
          placeIds: value('placeIds') ?? payload.statistic.placeIds,
          reportedById: value('reportedById') ?? payload.statistic.reportedById,
          collectedById: value('collectedById') ?? payload.statistic.collectedById,
        },
      };
    case 'QUOTATION':
      return { kind: 'QUOTATION', quotation: { ...payload.quotation, speakerId: value('speakerId') ?? payload.quotation.speakerId } };
    case 'RELATION': {
      const fromId = value('fromId');
      const toId = value('toId');
      return {
        kind: 'RELATION',
        relation: {
          ...payload.relation,
          type: value('type') ?? payload.relation.type,
          from: fromId ? { ...payload.relation.from, entityId: fromId } : payload.relation.from,
          to: toId ? { ...payload.relation.to, entityId: toId } : payload.relation.to,
        },
      };
    }
    case 'MENTION':
      return payload;
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One seeded term; `parent` is the code of a term of the same scheme listed before it. */
interface SeedTerm {
  scheme: string;
  code: string;
  labelEn: string;
  labelKo?: string;
  parent?: string;
  aliases?: string[];
  notes?: string;
  attributes?: Record<string, unknown>;
}

/**
 * The seeded vocabularies, copied (as literals, so nothing outside the project is read at run
 * or build time) from the project's reference data: the UN COI DPRK violation categories
 * (A/HRC/25/63), Rome Statute art. 7(1) acts and contextual elements, HURIDOCS Events Standard
 * Formats lists (date precision, source connection, reliability, types of location, top-level
 * types of acts), DPRK detention facility types and the known kwanliso with their romanisations
 * and Hangul names, perpetrator agencies, abduction categories and abductee statuses.
 * Labels without a source (HURIDOCS codes) are the code in words; no Korean label is invented.
 * Down removes exactly these seeded rows (and fails, as it should, once a local term or a record
 * refers to one).
 */
export class SeedTaxonomyTerms1764300002000 implements MigrationInterface {
  name = 'SeedTaxonomyTerms1764300002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Parents first: a term's parent is found by code among the rows already inserted.
    for (const batch of [SEED_TERMS.filter((t) => !t.parent), SEED_TERMS.filter((t) => t.parent)]) {
      await queryRunner.query(
        `INSERT INTO taxonomy_terms (scheme, code, label_en, label_ko, parent_id, aliases, notes, attributes, origin, version)
         SELECT t.scheme, t.code, t."labelEn", t."labelKo", p.id, coalesce(t.aliases, '{}'), t.notes,
                coalesce(t.attributes, '{}'), 'seed', 1
           FROM jsonb_to_recordset($1::jsonb) AS t(scheme text, code text, "labelEn" text, "labelKo" text,
                parent text, aliases text[], notes text, attributes jsonb)
           LEFT JOIN taxonomy_terms p ON p.scheme = t.scheme AND p.code = t.parent`,
        [JSON.stringify(batch)],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL sillok.allow_taxonomy_delete = 'on'`);
    await queryRunner.query(
      `DELETE FROM taxonomy_terms
        WHERE origin = 'seed'
          AND (scheme, code) IN (SELECT scheme, code FROM jsonb_to_recordset($1::jsonb) AS t(scheme text, code text))`,
      [JSON.stringify(SEED_TERMS)],
    );
    await queryRunner.query(`SET LOCAL sillok.allow_taxonomy_delete = 'off'`);
  }
}

const SEED_TERMS: SeedTerm[] = [
  {
    scheme: 'coi-violation',
    code: 'A',
    labelEn: 'Violations of the freedoms of thought, expression and religion',
    notes:
      'Principal finding A of the UN Commission of Inquiry on human rights in the DPRK (A/HRC/25/63 section III; A/HRC/25/CRP.1 section IV).',
  },
  {
    scheme: 'coi-violation',
    code: 'A.1',
    labelEn: 'Surveillance and punishment of expression or consumption of foreign media',
    parent: 'A',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'A.2',
    labelEn: 'Restriction on or punishment of the practice of religion',
    parent: 'A',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'A.3',
    labelEn: 'Compulsory indoctrination',
    parent: 'A',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'B',
    labelEn: 'Discrimination on the basis of State-assigned social class (songbun), gender and disability',
    notes:
      'Principal finding B of the UN Commission of Inquiry on human rights in the DPRK (A/HRC/25/63 section III; A/HRC/25/CRP.1 section IV).',
  },
  {
    scheme: 'coi-violation',
    code: 'B.1',
    labelEn: 'Songbun-based discrimination (core, wavering, hostile classes)',
    parent: 'B',
    notes: 'Named in the report.',
    attributes: {
      derived: false,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'B.2',
    labelEn: 'Gender-based discrimination and violence',
    parent: 'B',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'B.3',
    labelEn: 'Discrimination against persons with disabilities',
    parent: 'B',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'C',
    labelEn:
      "Violations of the freedom of movement and residence, including the freedom to leave one's own country and the prohibition of refoulement",
    notes:
      'Principal finding C of the UN Commission of Inquiry on human rights in the DPRK (A/HRC/25/63 section III; A/HRC/25/CRP.1 section IV).',
  },
  {
    scheme: 'coi-violation',
    code: 'C.1',
    labelEn: 'Forced relocation or banishment (internal exile)',
    parent: 'C',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'C.2',
    labelEn: 'Punishment for leaving the country',
    parent: 'C',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'C.3',
    labelEn: 'Forced repatriation from China (refoulement) and treatment of returnees',
    parent: 'C',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'C.4',
    labelEn: 'Trafficking of persons, especially women, after crossing',
    parent: 'C',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'D',
    labelEn: 'Violations of the right to food and related aspects of the right to life',
    notes:
      'Principal finding D of the UN Commission of Inquiry on human rights in the DPRK (A/HRC/25/63 section III; A/HRC/25/CRP.1 section IV).',
  },
  {
    scheme: 'coi-violation',
    code: 'D.1',
    labelEn: 'Deliberate starvation or denial of food',
    parent: 'D',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'D.2',
    labelEn: 'Discriminatory food distribution',
    parent: 'D',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'E',
    labelEn: 'Arbitrary detention, torture, executions, enforced disappearance and political prison camps',
    notes:
      'Principal finding E of the UN Commission of Inquiry on human rights in the DPRK (A/HRC/25/63 section III; A/HRC/25/CRP.1 section IV).',
  },
  {
    scheme: 'coi-violation',
    code: 'E.1',
    labelEn: 'Arbitrary arrest and detention',
    parent: 'E',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'E.2',
    labelEn: 'Torture and inhuman treatment during interrogation',
    parent: 'E',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'E.3',
    labelEn: 'Public or secret execution',
    parent: 'E',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'E.4',
    labelEn: 'Death in detention',
    parent: 'E',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'E.5',
    labelEn: 'Forced labour in detention',
    parent: 'E',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'E.6',
    labelEn: 'Starvation and denial of medical care in detention',
    parent: 'E',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'E.7',
    labelEn: 'Sexual violence in detention, including rape',
    parent: 'E',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'E.8',
    labelEn: 'Forced abortion and infanticide',
    parent: 'E',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'E.9',
    labelEn: 'Guilt by association: detention of family members',
    parent: 'E',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'E.10',
    labelEn: 'Enforced disappearance within the DPRK',
    parent: 'E',
    notes:
      "Derived testimony tag drawn from the report's text and HURIDOCS micro-thesaurus 4 (types of acts), not a heading of the report.",
    attributes: {
      derived: true,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'F',
    labelEn: 'Abductions and enforced disappearances from other countries',
    notes:
      'Principal finding F of the UN Commission of Inquiry on human rights in the DPRK (A/HRC/25/63 section III; A/HRC/25/CRP.1 section IV).',
  },
  {
    scheme: 'coi-violation',
    code: 'F.1',
    labelEn: 'Korean War abductions (1950-1953)',
    parent: 'F',
    notes: 'Named in the report.',
    attributes: {
      derived: false,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'F.2',
    labelEn: 'Denial of repatriation to prisoners of war (1953)',
    parent: 'F',
    notes: 'Named in the report.',
    attributes: {
      derived: false,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'F.3',
    labelEn: 'Post-war abductions of South Koreans',
    parent: 'F',
    notes: 'Named in the report.',
    attributes: {
      derived: false,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'F.4',
    labelEn: 'Returnees from Japan (1959-1984 programme)',
    parent: 'F',
    notes: 'Named in the report.',
    attributes: {
      derived: false,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'F.5',
    labelEn: 'Abductions of Japanese nationals',
    parent: 'F',
    notes: 'Named in the report.',
    attributes: {
      derived: false,
    },
  },
  {
    scheme: 'coi-violation',
    code: 'F.6',
    labelEn: 'Abductions of other foreign nationals',
    parent: 'F',
    notes: 'Named in the report.',
    attributes: {
      derived: false,
    },
  },
  {
    scheme: 'rome-art7',
    code: '7.1.a',
    labelEn: 'Murder',
    aliases: ['Art. 7(1)(a)', 'Article 7(1)(a)'],
    notes: 'Found by the COI DPRK (A/HRC/25/63 para 76).',
    attributes: {
      coiFound: true,
    },
  },
  {
    scheme: 'rome-art7',
    code: '7.1.b',
    labelEn: 'Extermination',
    aliases: ['Art. 7(1)(b)', 'Article 7(1)(b)'],
    notes: 'Found by the COI DPRK (A/HRC/25/63 para 76).',
    attributes: {
      coiFound: true,
    },
  },
  {
    scheme: 'rome-art7',
    code: '7.1.c',
    labelEn: 'Enslavement',
    aliases: ['Art. 7(1)(c)', 'Article 7(1)(c)'],
    notes: 'Found by the COI DPRK (A/HRC/25/63 para 76).',
    attributes: {
      coiFound: true,
    },
  },
  {
    scheme: 'rome-art7',
    code: '7.1.d',
    labelEn: 'Deportation or forcible transfer of population',
    aliases: ['Art. 7(1)(d)', 'Article 7(1)(d)'],
    notes: 'Found by the COI DPRK (A/HRC/25/63 para 76).',
    attributes: {
      coiFound: true,
    },
  },
  {
    scheme: 'rome-art7',
    code: '7.1.e',
    labelEn:
      'Imprisonment or other severe deprivation of physical liberty in violation of fundamental rules of international law',
    aliases: ['Art. 7(1)(e)', 'Article 7(1)(e)'],
    notes: 'Found by the COI DPRK (A/HRC/25/63 para 76).',
    attributes: {
      coiFound: true,
    },
  },
  {
    scheme: 'rome-art7',
    code: '7.1.f',
    labelEn: 'Torture',
    aliases: ['Art. 7(1)(f)', 'Article 7(1)(f)'],
    notes: 'Found by the COI DPRK (A/HRC/25/63 para 76).',
    attributes: {
      coiFound: true,
    },
  },
  {
    scheme: 'rome-art7',
    code: '7.1.g',
    labelEn:
      'Rape, sexual slavery, enforced prostitution, forced pregnancy, enforced sterilization, or other sexual violence of comparable gravity',
    aliases: ['Art. 7(1)(g)', 'Article 7(1)(g)'],
    notes: 'Found by the COI DPRK (A/HRC/25/63 para 76): named rape, forced abortions and other sexual violence.',
    attributes: {
      coiFound: true,
    },
  },
  {
    scheme: 'rome-art7',
    code: '7.1.h',
    labelEn:
      'Persecution against an identifiable group on political, racial, national, ethnic, cultural, religious, gender or other impermissible grounds',
    aliases: ['Art. 7(1)(h)', 'Article 7(1)(h)'],
    notes: 'Found by the COI DPRK (A/HRC/25/63 para 76): political, religious, racial and gender grounds.',
    attributes: {
      coiFound: true,
    },
  },
  {
    scheme: 'rome-art7',
    code: '7.1.i',
    labelEn: 'Enforced disappearance of persons',
    aliases: ['Art. 7(1)(i)', 'Article 7(1)(i)'],
    notes:
      'Art. 7(2)(i): arrest, detention or abduction by or with the acquiescence of a State or political organization, followed by a refusal to acknowledge it or to give information on the fate or whereabouts, with intent to remove the person from the protection of the law for a prolonged period Found by the COI DPRK (A/HRC/25/63 para 76).',
    attributes: {
      coiFound: true,
    },
  },
  {
    scheme: 'rome-art7',
    code: '7.1.j',
    labelEn: 'The crime of apartheid',
    aliases: ['Art. 7(1)(j)', 'Article 7(1)(j)'],
    notes: 'Not found by the COI DPRK (A/HRC/25/63 para 76).',
    attributes: {
      coiFound: false,
    },
  },
  {
    scheme: 'rome-art7',
    code: '7.1.k',
    labelEn:
      'Other inhumane acts of a similar character intentionally causing great suffering, or serious injury to body or to mental or physical health',
    aliases: ['Art. 7(1)(k)', 'Article 7(1)(k)'],
    notes: 'Found by the COI DPRK (A/HRC/25/63 para 76): the inhumane act of knowingly causing prolonged starvation.',
    attributes: {
      coiFound: true,
    },
  },
  {
    scheme: 'rome-art7-context',
    code: 'ctx.attack',
    labelEn: 'Part of a widespread or systematic attack (Art. 7(1) chapeau)',
    notes: 'Contextual element of crimes against humanity (Rome Statute art. 7).',
  },
  {
    scheme: 'rome-art7-context',
    code: 'ctx.civilian',
    labelEn: 'Attack directed against any civilian population',
    notes: 'Contextual element of crimes against humanity (Rome Statute art. 7).',
  },
  {
    scheme: 'rome-art7-context',
    code: 'ctx.policy',
    labelEn: 'Pursuant to or in furtherance of a State or organizational policy (Art. 7(2)(a))',
    notes: 'Contextual element of crimes against humanity (Rome Statute art. 7).',
  },
  {
    scheme: 'rome-art7-context',
    code: 'ctx.knowledge',
    labelEn: 'Perpetrator had knowledge of the attack',
    notes: 'Contextual element of crimes against humanity (Rome Statute art. 7).',
  },
  {
    scheme: 'date-precision',
    code: 'exact',
    labelEn: 'Exact',
    notes:
      "HURIDOCS Events Standard Formats: ESF list 48 qualifies dates: blank = exact; Estimate; Unknown day; Unknown month and day. A testimony system also needs ranges (from-to) and 'unknown'.",
  },
  {
    scheme: 'date-precision',
    code: 'estimate',
    labelEn: 'Estimate',
    notes:
      "HURIDOCS Events Standard Formats: ESF list 48 qualifies dates: blank = exact; Estimate; Unknown day; Unknown month and day. A testimony system also needs ranges (from-to) and 'unknown'.",
  },
  {
    scheme: 'date-precision',
    code: 'unknown-day',
    labelEn: 'Unknown day',
    notes:
      "HURIDOCS Events Standard Formats: ESF list 48 qualifies dates: blank = exact; Estimate; Unknown day; Unknown month and day. A testimony system also needs ranges (from-to) and 'unknown'.",
  },
  {
    scheme: 'date-precision',
    code: 'unknown-month-and-day',
    labelEn: 'Unknown month and day',
    notes:
      "HURIDOCS Events Standard Formats: ESF list 48 qualifies dates: blank = exact; Estimate; Unknown day; Unknown month and day. A testimony system also needs ranges (from-to) and 'unknown'.",
  },
  {
    scheme: 'date-precision',
    code: 'unknown',
    labelEn: 'Unknown',
    notes:
      "HURIDOCS Events Standard Formats: ESF list 48 qualifies dates: blank = exact; Estimate; Unknown day; Unknown month and day. A testimony system also needs ranges (from-to) and 'unknown'.",
  },
  {
    scheme: 'source-connection',
    code: 'victim',
    labelEn: 'Victim',
    notes: 'HURIDOCS Events Standard Formats: ESF list 19: how the source relates to the information.',
  },
  {
    scheme: 'source-connection',
    code: 'eyewitness',
    labelEn: 'Eyewitness',
    notes: 'HURIDOCS Events Standard Formats: ESF list 19: how the source relates to the information.',
  },
  {
    scheme: 'source-connection',
    code: 'perpetrator',
    labelEn: 'Perpetrator',
    notes: 'HURIDOCS Events Standard Formats: ESF list 19: how the source relates to the information.',
  },
  {
    scheme: 'source-connection',
    code: 'relative-of-victim',
    labelEn: 'Relative of victim',
    notes: 'HURIDOCS Events Standard Formats: ESF list 19: how the source relates to the information.',
  },
  {
    scheme: 'source-connection',
    code: 'hearsay',
    labelEn: 'Hearsay',
    notes: 'HURIDOCS Events Standard Formats: ESF list 19: how the source relates to the information.',
  },
  {
    scheme: 'source-connection',
    code: 'documentary',
    labelEn: 'Documentary',
    notes: 'HURIDOCS Events Standard Formats: ESF list 19: how the source relates to the information.',
  },
  {
    scheme: 'source-connection',
    code: 'other',
    labelEn: 'Other',
    notes: 'HURIDOCS Events Standard Formats: ESF list 19: how the source relates to the information.',
  },
  {
    scheme: 'reliability',
    code: 'highly-reliable',
    labelEn: 'Highly reliable',
    notes: 'HURIDOCS Events Standard Formats: ESF list 42.',
  },
  {
    scheme: 'reliability',
    code: 'reliable',
    labelEn: 'Reliable',
    notes: 'HURIDOCS Events Standard Formats: ESF list 42.',
  },
  {
    scheme: 'reliability',
    code: 'fairly-reliable',
    labelEn: 'Fairly reliable',
    notes: 'HURIDOCS Events Standard Formats: ESF list 42.',
  },
  {
    scheme: 'reliability',
    code: 'unreliable',
    labelEn: 'Unreliable',
    notes: 'HURIDOCS Events Standard Formats: ESF list 42.',
  },
  {
    scheme: 'reliability',
    code: 'highly-unreliable',
    labelEn: 'Highly unreliable',
    notes: 'HURIDOCS Events Standard Formats: ESF list 42.',
  },
  {
    scheme: 'reliability',
    code: 'unknown',
    labelEn: 'Unknown',
    notes: 'HURIDOCS Events Standard Formats: ESF list 42.',
  },
  {
    scheme: 'location-type',
    code: 'penal-institution',
    labelEn: 'Penal institution',
    notes: 'HURIDOCS Events Standard Formats: ESF list 17 (selection).',
  },
  {
    scheme: 'location-type',
    code: 'concentration-or-labour-camp',
    labelEn: 'Concentration or labour camp',
    notes: 'HURIDOCS Events Standard Formats: ESF list 17 (selection).',
  },
  {
    scheme: 'location-type',
    code: 'intelligence-agency-facility',
    labelEn: 'Intelligence agency facility',
    notes: 'HURIDOCS Events Standard Formats: ESF list 17 (selection).',
  },
  {
    scheme: 'location-type',
    code: 'border-crossing',
    labelEn: 'Border crossing',
    notes: 'HURIDOCS Events Standard Formats: ESF list 17 (selection).',
  },
  {
    scheme: 'location-type',
    code: 'police-station',
    labelEn: 'Police station',
    notes: 'HURIDOCS Events Standard Formats: ESF list 17 (selection).',
  },
  {
    scheme: 'location-type',
    code: 'home',
    labelEn: 'Home',
    notes: 'HURIDOCS Events Standard Formats: ESF list 17 (selection).',
  },
  {
    scheme: 'location-type',
    code: 'public-place',
    labelEn: 'Public place',
    notes: 'HURIDOCS Events Standard Formats: ESF list 17 (selection).',
  },
  {
    scheme: 'location-type',
    code: 'other',
    labelEn: 'Other',
    notes: 'HURIDOCS Events Standard Formats: ESF list 17 (selection).',
  },
  {
    scheme: 'act-type',
    code: '01',
    labelEn: 'Right to life',
    notes: 'HURIDOCS Events Standard Formats micro-thesaurus 4 (types of acts), top level.',
  },
  {
    scheme: 'act-type',
    code: '02',
    labelEn: 'Personal integrity',
    notes: 'HURIDOCS Events Standard Formats micro-thesaurus 4 (types of acts), top level.',
  },
  {
    scheme: 'act-type',
    code: '03',
    labelEn: 'Right to liberty',
    notes: 'HURIDOCS Events Standard Formats micro-thesaurus 4 (types of acts), top level.',
  },
  {
    scheme: 'act-type',
    code: '05',
    labelEn: 'Movement/residence',
    notes: 'HURIDOCS Events Standard Formats micro-thesaurus 4 (types of acts), top level.',
  },
  {
    scheme: 'act-type',
    code: '08',
    labelEn: 'Reproductive rights',
    notes: 'HURIDOCS Events Standard Formats micro-thesaurus 4 (types of acts), top level.',
  },
  {
    scheme: 'act-type',
    code: '10',
    labelEn: 'Expression',
    notes: 'HURIDOCS Events Standard Formats micro-thesaurus 4 (types of acts), top level.',
  },
  {
    scheme: 'act-type',
    code: '11',
    labelEn: 'Belief/opinion',
    notes: 'HURIDOCS Events Standard Formats micro-thesaurus 4 (types of acts), top level.',
  },
  {
    scheme: 'act-type',
    code: '30',
    labelEn: 'Labour rights',
    notes: 'HURIDOCS Events Standard Formats micro-thesaurus 4 (types of acts), top level.',
  },
  {
    scheme: 'act-type',
    code: '36',
    labelEn: 'Detained or imprisoned persons',
    notes: 'HURIDOCS Events Standard Formats micro-thesaurus 4 (types of acts), top level.',
  },
  {
    scheme: 'act-type',
    code: '52',
    labelEn: 'Adequate food',
    notes: 'HURIDOCS Events Standard Formats micro-thesaurus 4 (types of acts), top level.',
  },
  {
    scheme: 'act-type',
    code: '53',
    labelEn: 'Health',
    notes: 'HURIDOCS Events Standard Formats micro-thesaurus 4 (types of acts), top level.',
  },
  {
    scheme: 'facility-type',
    code: 'kwanliso',
    labelEn: 'Political prison camp',
    labelKo: '관리소',
    aliases: ['관리소', 'kwan-li-so', 'kwalliso', 'gwalliso', 'gwanliso', 'gwa-li-so', 'political prison camp'],
    notes:
      'Political prison camp; run by the Ministry of State Security except No. 18; has a total control zone (완전통제구역) and a revolutionizing zone (혁명화대상구역).',
  },
  {
    scheme: 'facility-type',
    code: 'kyohwaso',
    labelEn: "Ordinary prison / re-education camp run by the police ministry's correction bureau",
    labelKo: '교화소',
    aliases: ['교화소', 'kyo-hwa-so', 'gyohwaso', 're-education camp', 'correctional prison'],
    notes:
      "Ordinary prison / re-education camp run by the police ministry's correction bureau; for sentences of 2+ years.",
  },
  {
    scheme: 'facility-type',
    code: 'kyoyangso',
    labelEn: 'Labour reform centre',
    labelKo: '교양소',
    aliases: ['교양소', 'kyo-yang-so'],
    notes: 'Labour reform centre.',
  },
  {
    scheme: 'facility-type',
    code: 'jipkyulso',
    labelEn: 'Provincial holding centre',
    labelKo: '집결소',
    aliases: ['집결소', 'jip-kyul-so', 'holding centre', 'collection centre'],
    notes: 'Provincial holding centre; people forcibly returned from China held up to about 6 months.',
  },
  {
    scheme: 'facility-type',
    code: 'rodong-danryeondae',
    labelEn: 'Labour training centre/camp',
    labelKo: '로동단련대',
    aliases: [
      '로동단련대',
      '노동단련대',
      'ro-dong-dan-ryeon-dae',
      'rodong danryondae',
      'labour training camp',
      'labor training center',
    ],
    notes: 'Labour training centre/camp.',
  },
  {
    scheme: 'facility-type',
    code: 'kuryujang',
    labelEn: 'Pre-trial interrogation and detention facility (separate state-security and police facilities)',
    labelKo: '구류장',
    aliases: ['구류장', 'ku-ryu-jang', 'interrogation centre', 'detention centre'],
    notes: 'Pre-trial interrogation and detention facility (separate state-security and police facilities).',
  },
  {
    scheme: 'facility',
    code: 'kwanliso-14',
    labelEn: 'Kwanliso No. 14 (Kaechon)',
    labelKo: '개천 제14호 관리소',
    aliases: [
      'Kaechon',
      "Kaech'ŏn",
      'Gaecheon',
      'Camp 14',
      '개천 제14호 관리소',
      '개천',
      'Kwanliso No. 14',
      'Political prison camp No. 14',
    ],
    notes:
      'Political prison camp (kwanliso) No. 14. Location: South Pyongan Province, north bank of the Taedong river. Status: operating.',
    attributes: {
      facilityType: 'kwanliso',
      number: 14,
      location: 'South Pyongan Province, north bank of the Taedong river',
      status: 'operating',
      statusUncertain: false,
    },
  },
  {
    scheme: 'facility',
    code: 'kwanliso-15',
    labelEn: 'Kwanliso No. 15 (Yodok)',
    labelKo: '요덕 제15호 관리소',
    aliases: [
      'Yodok',
      'Yodŏk',
      'Yodeok',
      'Yoduk',
      'Camp 15',
      '요덕 제15호 관리소',
      '요덕',
      'Kwanliso No. 15',
      'Political prison camp No. 15',
    ],
    notes:
      'Political prison camp (kwanliso) No. 15. Location: Yodok County, South Hamgyong Province. Status: reported closed 2014 (uncertain: sources disagree).',
    attributes: {
      facilityType: 'kwanliso',
      number: 15,
      location: 'Yodok County, South Hamgyong Province',
      status: 'reported closed 2014',
      statusUncertain: true,
    },
  },
  {
    scheme: 'facility',
    code: 'kwanliso-16',
    labelEn: 'Kwanliso No. 16 (Hwasong)',
    labelKo: '화성 제16호 관리소',
    aliases: [
      'Hwasong',
      'Hwasŏng',
      'Hwaseong',
      'Myonggan',
      'Camp 16',
      '화성 제16호 관리소',
      '화성',
      'Kwanliso No. 16',
      'Political prison camp No. 16',
    ],
    notes:
      'Political prison camp (kwanliso) No. 16. Location: Myonggan (formerly Hwasong) County, North Hamgyong Province. Status: operating.',
    attributes: {
      facilityType: 'kwanliso',
      number: 16,
      location: 'Myonggan (formerly Hwasong) County, North Hamgyong Province',
      status: 'operating',
      statusUncertain: false,
    },
  },
  {
    scheme: 'facility',
    code: 'kwanliso-18',
    labelEn: 'Kwanliso No. 18 (Pukchang)',
    labelKo: '북창 제18호 관리소',
    aliases: [
      'Pukchang',
      "Pukch'ang",
      'Bukchang',
      'Tŭkchang',
      'Deukjang',
      '득장',
      'Camp 18',
      '북창 제18호 관리소',
      '북창',
      'Kwanliso No. 18',
      'Political prison camp No. 18',
    ],
    notes:
      'Political prison camp (kwanliso) No. 18. Location: South Pyongan Province, south of the Taedong river. Status: disputed: reported dismantled, later reports of new cell blocks (uncertain: sources disagree). Operator: run by the police ministry, not state security.',
    attributes: {
      facilityType: 'kwanliso',
      number: 18,
      location: 'South Pyongan Province, south of the Taedong river',
      status: 'disputed: reported dismantled, later reports of new cell blocks',
      statusUncertain: true,
      operatorNote: 'run by the police ministry, not state security',
    },
  },
  {
    scheme: 'facility',
    code: 'kwanliso-22',
    labelEn: 'Kwanliso No. 22 (Hoeryong)',
    labelKo: '회령 제22호 관리소',
    aliases: [
      'Hoeryong',
      'Hoeryŏng',
      'Hoiryeong',
      'Haengyong',
      'Camp 22',
      '회령 제22호 관리소',
      '회령',
      'Kwanliso No. 22',
      'Political prison camp No. 22',
    ],
    notes:
      'Political prison camp (kwanliso) No. 22. Location: Hoeryong County, North Hamgyong Province. Status: reported closed 2012.',
    attributes: {
      facilityType: 'kwanliso',
      number: 22,
      location: 'Hoeryong County, North Hamgyong Province',
      status: 'reported closed 2012',
      statusUncertain: false,
    },
  },
  {
    scheme: 'facility',
    code: 'kwanliso-25',
    labelEn: 'Kwanliso No. 25 (Chongjin)',
    labelKo: '청진 제25호 관리소',
    aliases: [
      'Chongjin',
      "Ch'ŏngjin",
      'Cheongjin',
      'Susong',
      'Susŏng',
      'Camp 25',
      '청진 제25호 관리소',
      '청진',
      'Kwanliso No. 25',
      'Political prison camp No. 25',
    ],
    notes:
      'Political prison camp (kwanliso) No. 25. Location: Susong-dong, Chongjin, North Hamgyong Province. Status: operating.',
    attributes: {
      facilityType: 'kwanliso',
      number: 25,
      location: 'Susong-dong, Chongjin, North Hamgyong Province',
      status: 'operating',
      statusUncertain: false,
    },
  },
  {
    scheme: 'facility',
    code: 'kwanliso-11',
    labelEn: 'Kwanliso No. 11 (Kyongsong)',
    aliases: ['Kyongsong', 'Camp 11', 'Kwanliso No. 11', 'Political prison camp No. 11'],
    notes: 'Political prison camp (kwanliso) No. 11. Location: North Hamgyong Province. Status: closed 1989.',
    attributes: {
      facilityType: 'kwanliso',
      number: 11,
      location: 'North Hamgyong Province',
      status: 'closed 1989',
      statusUncertain: false,
    },
  },
  {
    scheme: 'facility',
    code: 'kwanliso-12',
    labelEn: 'Kwanliso No. 12 (Onsong)',
    aliases: ['Onsong', 'Camp 12', 'Kwanliso No. 12', 'Political prison camp No. 12'],
    notes:
      'Political prison camp (kwanliso) No. 12. Location: North Hamgyong Province. Status: closed 1991 or 1992 (uncertain: sources disagree).',
    attributes: {
      facilityType: 'kwanliso',
      number: 12,
      location: 'North Hamgyong Province',
      status: 'closed 1991 or 1992',
      statusUncertain: true,
    },
  },
  {
    scheme: 'facility',
    code: 'kwanliso-13',
    labelEn: 'Kwanliso No. 13 (Changpyong)',
    aliases: ['Changpyong', 'Camp 13', 'Kwanliso No. 13', 'Political prison camp No. 13'],
    notes: 'Political prison camp (kwanliso) No. 13. Location: North Hamgyong Province. Status: closed 1992.',
    attributes: {
      facilityType: 'kwanliso',
      number: 13,
      location: 'North Hamgyong Province',
      status: 'closed 1992',
      statusUncertain: false,
    },
  },
  {
    scheme: 'agency',
    code: 'mss-state-security',
    labelEn: 'Ministry of State Security',
    labelKo: '국가보위성',
    aliases: [
      '국가보위성',
      'Kukka Powisong',
      'Gukga Bowiseong',
      'bowibu',
      'bowiseong',
      'State Security Department',
      'SSD',
      '국가안전보위부',
      'Kukka Anjon Powibu',
      'Ministry for Protection of the State',
    ],
    notes:
      "Role: secret police; runs the kwanliso. The abbreviation 'MSS' is ambiguous (Ministry of State Security or Ministry of Social Security) and is deliberately not an alias.",
  },
  {
    scheme: 'agency',
    code: 'social-security',
    labelEn: 'Ministry of Social Security',
    labelKo: '사회안전성',
    aliases: [
      '사회안전성',
      "Ministry of People's Security",
      'MPS',
      '인민보안성',
      'Inmin Boanseong',
      'anjeonbu',
      'anjonbu',
      'boanseong',
      'boanseo',
      'bunjuso',
      'boanso',
      'anjonwon',
      'boanwon',
    ],
    notes:
      "Role: police; runs the kyohwaso; renamed from People's Security in 2020. The abbreviation 'MSS' is ambiguous (Ministry of State Security or Ministry of Social Security) and is deliberately not an alias.",
  },
  {
    scheme: 'agency',
    code: 'military-security-command',
    labelEn: 'Military Security Command',
    notes: 'Role: military counter-intelligence.',
  },
  {
    scheme: 'agency',
    code: 'border-security-command',
    labelEn: 'Border Security Command',
    notes: 'Role: border guard.',
  },
  {
    scheme: 'agency',
    code: 'prosecutors-office',
    labelEn: "Prosecutor's Office",
    notes: 'Role: prosecution.',
  },
  {
    scheme: 'agency',
    code: 'courts',
    labelEn: 'Courts',
    notes: 'Role: judiciary.',
  },
  {
    scheme: 'agency',
    code: 'peoples-committee',
    labelEn: "People's Committee",
    notes: 'Role: local administration; runs labour training centres.',
  },
  {
    scheme: 'agency',
    code: 'wpk-ogd',
    labelEn: "Workers' Party of Korea Organization and Guidance Department",
    aliases: ['OGD'],
    notes: 'Role: party oversight of state security.',
  },
  {
    scheme: 'agency',
    code: 'wpk-investigation-dept',
    labelEn: "Workers' Party of Korea Central Committee Investigation Department",
    notes: 'Role: named in connection with abductions of foreigners. Attribution uncertain.',
    attributes: {
      uncertain: true,
    },
  },
  {
    scheme: 'abduction-category',
    code: 'korean-war',
    labelEn: 'Korean War abductions of civilians (1950-1953)',
    notes: 'Reference figures: 84,532 (1953 ROK government statistics) to about 100,000 (Ministry of Unification).',
  },
  {
    scheme: 'abduction-category',
    code: 'pow-non-repatriation',
    labelEn: 'Prisoners of war not repatriated (1953)',
    notes: 'Reference figures: COI: at least 50,000 not repatriated; about 500 thought alive in 2014.',
  },
  {
    scheme: 'abduction-category',
    code: 'post-war-rok',
    labelEn: 'Post-war abductions of South Koreans',
    notes:
      'Reference figures: 3,835 abducted, 3,310 repatriated, 9 escaped, 516 still held (Ministry of Unification); of the 516: 457 fishermen, 11 from the KAL aircraft, 30 military/police, 6 other domestic, 12 taken overseas.',
  },
  {
    scheme: 'abduction-category',
    code: 'returnees-japan',
    labelEn: 'Returnees from Japan (1959-1984)',
    notes: 'Reference figures: 93,340 people went under the programme.',
  },
  {
    scheme: 'abduction-category',
    code: 'japanese',
    labelEn: 'Abductions of Japanese nationals',
    notes:
      'Reference figures: 17 officially recognised by Japan (1977-1983); DPRK admitted 13 in September 2002; 5 returned 15 October 2002.',
  },
  {
    scheme: 'abduction-category',
    code: 'other-foreign',
    labelEn: 'Abductions of other foreign nationals',
    notes:
      'Reference figures: COI named nationals of Lebanon, Malaysia, Romania, Singapore and Thailand, among others.',
  },
  {
    scheme: 'abduction-category',
    code: 'detained-rok',
    labelEn: 'South Koreans detained in the DPRK',
    notes: 'Reference figures: 6 (including missionaries Kim Jung-wook, Kim Kook-gi, Choi Chun-gil).',
  },
  {
    scheme: 'abductee-status',
    code: 'missing',
    labelEn: 'Missing',
    notes: 'Current status of an abducted or disappeared person.',
  },
  {
    scheme: 'abductee-status',
    code: 'confirmed-detained',
    labelEn: 'Confirmed detained',
    notes: 'Current status of an abducted or disappeared person.',
  },
  {
    scheme: 'abductee-status',
    code: 'reported-dead',
    labelEn: 'Reported dead',
    notes: 'Current status of an abducted or disappeared person.',
  },
  {
    scheme: 'abductee-status',
    code: 'returned',
    labelEn: 'Returned',
    notes: 'Current status of an abducted or disappeared person.',
  },
  {
    scheme: 'abductee-status',
    code: 'escaped',
    labelEn: 'Escaped',
    notes: 'Current status of an abducted or disappeared person.',
  },
  {
    scheme: 'abductee-status',
    code: 'unknown',
    labelEn: 'Unknown',
    notes: 'Current status of an abducted or disappeared person.',
  },
];

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Approximate coordinates of the seeded kwanliso (political prison camps), for the map of the web
 * client, kept as `attributes.coordinates` of each facility term and served as the term's
 * `coordinates`. They are public, approximate positions: the county (or, for No. 25, the district
 * of Chongjin) that the reference data (../shared/reference/taxonomy/facilities.json, copied here
 * as literals: nothing outside the project is read) or the camp's name gives, never a camp's
 * perimeter. `precision` says how far to trust them and `basis` why they are where they are.
 * Down removes exactly what up added.
 */
export class FacilityCoordinates1765060000000 implements MigrationInterface {
  name = 'FacilityCoordinates1765060000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE taxonomy_terms t
          SET attributes = t.attributes || jsonb_build_object('coordinates', n.coordinates)
         FROM jsonb_to_recordset($1::jsonb) AS n(code text, coordinates jsonb)
        WHERE t.scheme = 'facility' AND t.code = n.code AND t.origin = 'seed'`,
      [JSON.stringify(FACILITY_COORDINATES)],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE taxonomy_terms SET attributes = attributes - 'coordinates'
        WHERE scheme = 'facility' AND code = ANY($1) AND origin = 'seed'`,
      [FACILITY_COORDINATES.map((f) => f.code)],
    );
  }
}

interface Coordinates {
  code: string;
  coordinates: { latitude: number; longitude: number; precision: 'county' | 'district'; basis: string };
}

const county = (code: string, latitude: number, longitude: number, basis: string): Coordinates => ({
  code,
  coordinates: { latitude, longitude, precision: 'county', basis },
});

const FACILITY_COORDINATES: Coordinates[] = [
  county('kwanliso-14', 39.58, 126.05, 'Kaechon area, South Pyongan Province, north bank of the Taedong river'),
  county('kwanliso-15', 39.73, 126.88, 'Yodok County, South Hamgyong Province'),
  county('kwanliso-16', 41.28, 129.22, 'Myonggan (formerly Hwasong) County, North Hamgyong Province'),
  county('kwanliso-18', 39.5, 126.23, 'Pukchang area, South Pyongan Province, south of the Taedong river'),
  county('kwanliso-22', 42.45, 129.83, 'Hoeryong County, North Hamgyong Province'),
  {
    code: 'kwanliso-25',
    coordinates: {
      latitude: 41.84,
      longitude: 129.72,
      precision: 'district',
      basis: 'Susong-dong, Chongjin, North Hamgyong Province',
    },
  },
  county('kwanliso-11', 41.6, 129.6, 'Kyongsong County, North Hamgyong Province (from the camp name; closed 1989)'),
  county('kwanliso-12', 42.95, 129.99, 'Onsong County, North Hamgyong Province (from the camp name)'),
  county(
    'kwanliso-13',
    42.85,
    129.75,
    'Changpyong, Onsong County, North Hamgyong Province (from the camp name; closed 1992)',
  ),
];

import { useQuery } from '@tanstack/react-query';
import { geoMercator, geoPath } from 'd3-geo';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-50m.json';
import { api, type Schemas } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { searchHref } from '../search/search-url';
import { termLabel } from '../testimony/terms';
import { Empty, QueryView } from '../ui/states';
import { useSchemeTerms } from './scheme-terms';

type Term = Schemas['TermResponse'];
type Facility = Term & { coordinates: NonNullable<Term['coordinates']> };

const WIDTH = 560;
const HEIGHT = 640;
/** ISO 3166-1 numeric codes in Natural Earth: the two Koreas drawn strong, their neighbours faint. */
const KOREAS = new Set(['408', '410']);
/** The peninsula with a margin: the frame the projection is fitted to. */
const FRAME = {
  type: 'Feature' as const,
  properties: {},
  geometry: {
    type: 'MultiPoint' as const,
    coordinates: [
      [124.0, 33.0],
      [131.0, 43.2],
    ],
  },
};

/** Natural Earth 1:50m boundaries (world-atlas, shipped in the bundle: no tile server, works offline). */
function useBoundaries() {
  return useMemo(() => {
    const topology = countries as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const land = feature(topology, topology.objects.countries).features;
    const projection = geoMercator()
      .fitExtent(
        [
          [8, 8],
          [WIDTH - 8, HEIGHT - 8],
        ],
        FRAME,
      )
      .clipExtent([
        [0, 0],
        [WIDTH, HEIGHT],
      ]);
    const path = geoPath(projection);
    const shapes = land.flatMap((country) => {
      const d = path(country);
      return d ? [{ id: String(country.id), name: country.properties.name, d }] : [];
    });
    return { projection, shapes };
  }, []);
}

/**
 * Facilities and the incidents at them on a map of the Korean peninsula: each facility with known
 * coordinates is a marker (sized by its incidents); choosing one, on the map or in the list beside
 * it (the same choice for keyboard and screen-reader users), shows its names, how precise its point
 * is, and its testimonies and incidents.
 */
export default function MapScreen() {
  const { messages, locale } = useI18n();
  const m = messages.records;
  const terms = useSchemeTerms('facility');
  const incidents = useQuery({
    queryKey: ['incidents', 'all'],
    queryFn: () => must(api.GET('/incidents', { params: { query: { limit: 200 } } })),
  });
  const { projection, shapes } = useBoundaries();
  const [chosen, setChosen] = useState<string | null>(null);
  const facilities = (terms.data ?? [])
    .map(({ term }) => term)
    .filter((term): term is Facility => term.coordinates !== null);
  const countAt = new Map<string, number>();
  for (const i of incidents.data?.items ?? [])
    if (i.facilityTermId) countAt.set(i.facilityTermId, (countAt.get(i.facilityTermId) ?? 0) + 1);
  const unplaced = (incidents.data?.items ?? []).filter(
    (i) => !i.facilityTermId || !facilities.some((f) => f.id === i.facilityTermId),
  );
  const selected = facilities.find((f) => f.id === chosen) ?? null;
  return (
    <section>
      <h1>{m.map}</h1>
      <p className="muted">{m.mapIntro}</p>
      <QueryView query={terms}>
        {() => (
          <div className="map-layout">
            <svg
              className="map"
              viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
              role="group"
              aria-label={m.mapLabel}
              data-testid="facility-map"
            >
              <rect width={WIDTH} height={HEIGHT} className="sea" />
              {shapes.map((s) => (
                <path key={s.id} d={s.d} className={KOREAS.has(s.id) ? 'land korea' : 'land'}>
                  <title>{s.name}</title>
                </path>
              ))}
              {facilities.map((f) => {
                const [x, y] = projection([f.coordinates.longitude, f.coordinates.latitude]) ?? [0, 0];
                const count = countAt.get(f.id) ?? 0;
                return (
                  <g
                    key={f.id}
                    className={f.id === chosen ? 'marker chosen' : 'marker'}
                    transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`}
                    role="button"
                    tabIndex={0}
                    aria-label={termLabel(f, locale)}
                    aria-pressed={f.id === chosen}
                    data-code={f.code}
                    onClick={() => setChosen(f.id)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        setChosen(f.id);
                      }
                    }}
                  >
                    <circle r={6 + Math.min(count, 10)} />
                    {count ? (
                      <text y={4} textAnchor="middle">
                        {count}
                      </text>
                    ) : null}
                  </g>
                );
              })}
            </svg>
            <div>
              <h2>{m.facilities}</h2>
              <ul className="plain facility-list">
                {facilities.map((f) => (
                  <li key={f.id}>
                    <button type="button" aria-pressed={f.id === chosen} onClick={() => setChosen(f.id)}>
                      {termLabel(f, locale)} ({countAt.get(f.id) ?? 0})
                    </button>
                  </li>
                ))}
              </ul>
              {selected ? <FacilityPanel facility={selected} /> : <p className="muted">{m.chooseFacility}</p>}
            </div>
          </div>
        )}
      </QueryView>
      {unplaced.length ? (
        <>
          <h2>{m.unplaced}</h2>
          <ul className="plain">
            {unplaced.map((i) => (
              <li key={i.id}>
                <Link to={`/app/incidents/${i.reference}`}>{i.reference}</Link> {i.title}
                {i.placeText ? <span className="muted"> · {i.placeText}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** One facility: its names, its point and how precise it is, its testimonies (search) and incidents. */
function FacilityPanel({ facility }: { facility: Facility }) {
  const { messages, locale } = useI18n();
  const m = messages.records;
  const testimonies = useQuery({
    queryKey: ['facility', facility.id, 'testimonies'],
    queryFn: () =>
      must(api.GET('/search', { params: { query: { facility: facility.code, kind: 'testimony', limit: 50 } } })),
  });
  const incidents = useQuery({
    queryKey: ['facility', facility.id, 'incidents'],
    queryFn: () => must(api.GET('/incidents', { params: { query: { facility: facility.code, limit: 50 } } })),
  });
  return (
    <article className="card" aria-labelledby="facility-name" data-testid="facility-panel">
      <h3 id="facility-name">{termLabel(facility, locale)}</h3>
      <p>
        {[facility.labelEn, facility.labelKo, ...facility.aliases]
          .filter((n, i, all) => n && all.indexOf(n) === i)
          .join(' · ')}
      </p>
      <p className="muted">
        {m.precisionOfPoint[facility.coordinates.precision]}
        {facility.coordinates.basis ? `: ${facility.coordinates.basis}` : ''}
      </p>
      <h4>{m.testimonies}</h4>
      <RecordList
        query={testimonies}
        empty={m.noTestimoniesHere}
        testId="facility-testimonies"
        href={(hit) => `/app/testimonies/${hit.reference}`}
      />
      <p>
        <Link to={searchHref({ kind: 'testimony', facility: facility.id })} data-testid="facility-search">
          {messages.polish.allTestimoniesAtFacility}
        </Link>
      </p>
      <h4>{m.incidents}</h4>
      <RecordList
        query={incidents}
        empty={m.noIncidentsHere}
        testId="facility-incidents"
        href={(i) => `/app/incidents/${i.reference}`}
      />
    </article>
  );
}

interface Listed {
  id: string;
  reference: string;
  title: string;
}

/** Records found for a facility, each a link by reference with its title. */
function RecordList<T extends Listed>({
  query,
  empty,
  testId,
  href,
}: {
  query: { isPending: boolean; error: unknown; data: { items: T[] } | undefined; refetch: () => unknown };
  empty: string;
  testId: string;
  href: (record: T) => string;
}) {
  return (
    <QueryView query={query}>
      {(found) =>
        found.items.length === 0 ? (
          <Empty>{empty}</Empty>
        ) : (
          <ul className="plain" data-testid={testId}>
            {found.items.map((r) => (
              <li key={r.id}>
                <Link to={href(r)}>{r.reference}</Link> {r.title}
              </li>
            ))}
          </ul>
        )
      }
    </QueryView>
  );
}

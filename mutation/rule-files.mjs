// The witness-protection rules under mutation testing (issue 25), each with its unit spec beside it.
// A rule lives here only if its spec needs no database: the mutation run starts no PostgreSQL.
export const RULE_FILES = [
  'libs/exports/src/collect/consent-decision.ts',
  'libs/exports/src/collect/inclusion.ts',
  'libs/exports/src/collect/testimony-redactor.ts',
  'libs/exports/src/profiles/export-profile.ts',
  'libs/exports/src/render/redaction.ts',
  'libs/testimonies/src/consent/effective-consent.ts',
  'libs/auth/src/roles/role-permissions.ts',
  'libs/cases/src/access/case-access-decision.ts',
  'libs/cases/src/access/minimum-case-role.ts',
  'libs/cases/src/members/case-role.ts',
  'libs/audit/src/canonical-json.ts',
  // How a search writes the caller's cases (in the index, or checked on the row).
  'libs/search/src/case-share.ts',
];

/**
 * `libs/x/src/y.ts` -> `<rootDir>/libs/x/src/y.spec.ts` and every `y.<aspect>.spec.ts` beside it
 * (testimony-redactor.case-words.spec.ts, export-profile.public.spec.ts): a spec left out here
 * is a test the mutation run does not count.
 */
export const RULE_SPECS = RULE_FILES.flatMap((file) => {
  const base = `<rootDir>/${file.replace(/\.ts$/, '')}`;
  return [`${base}.spec.ts`, `${base}.*.spec.ts`];
});

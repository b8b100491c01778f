import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './session/session';
import { AuditScreen } from './screens/audit-screen';
import { VocabulariesScreen } from './screens/vocabularies-screen';
import { ImportScreen } from './screens/import-screen';
import { FixityScreen } from './screens/fixity-screen';
import { CaseScreen } from './screens/case-screen';
import { CasesScreen } from './screens/cases-screen';
import { ChangePasswordScreen } from './screens/change-password-screen';
import { ExportScreen } from './screens/export-screen';
import { LoginScreen } from './screens/login-screen';
import { ReviewScreen } from './screens/review-screen';
import { SecondFactorScreen } from './screens/second-factor-screen';
import { NewTestimonyScreen, TestimoniesScreen } from './screens/testimonies-screen';
import { UsersScreen } from './screens/users-screen';
import { WitnessesScreen } from './screens/witnesses-screen';
import { TestimonyEditorScreen } from './testimony/testimony-editor-screen';
import { Layout } from './ui/layout';
import { Loading } from './ui/states';
import { SearchScreen } from './search/search-screen';
import { CorroborationScreen } from './search/corroboration-screen';

/** The chart screen and its chart library load only when opened (the first screen's JavaScript stays small). */
const PatternsScreen = lazy(() => import('./search/patterns-screen'));
import { AbducteeScreen, AbducteesScreen, IncidentScreen, IncidentsScreen } from './records/routes';

// The map carries Natural Earth boundaries (hundreds of KB): loaded only when opened.
const MapScreen = lazy(() => import('./records/map-screen'));

/**
 * Client routes, all under /app, addressed by references (CASE-2026-0001, T-000042), never ids: the API owns every other path (GET /cases is JSON), so a reload
 * of any screen reaches index.html and never an API route.
 */
export function App() {
  const { state, me } = useSession();
  const location = useLocation();
  if (state === 'restoring') return <Loading />;
  if (state === 'signed-out') return <LoginScreen />;
  if (me?.mustChangePassword && location.pathname !== '/app/password') return <Navigate to="/app/password" replace />;
  return (
    <Routes>
      <Route path="/app" element={<Layout />}>
        <Route index element={<Navigate to={landing(me?.role)} replace />} />
        <Route path="password" element={<ChangePasswordScreen />} />
        <Route path="second-factor" element={<SecondFactorScreen />} />
        <Route path="cases" element={<CasesScreen />} />
        <Route path="cases/:caseRef" element={<CaseScreen />} />
        <Route path="cases/:caseRef/witnesses" element={<WitnessesScreen />} />
        <Route path="cases/:caseRef/testimonies" element={<TestimoniesScreen />} />
        <Route path="cases/:caseRef/testimonies/new" element={<NewTestimonyScreen />} />
        <Route path="cases/:caseRef/export" element={<ExportScreen />} />
        <Route path="testimonies/:testimonyRef" element={<TestimonyEditorScreen />} />
        <Route path="cases/:caseRef/incidents" element={<IncidentsScreen />} />
        <Route path="incidents/:incidentRef" element={<IncidentScreen />} />
        <Route path="cases/:caseRef/abductees" element={<AbducteesScreen />} />
        <Route path="abductees/:abducteeRef" element={<AbducteeScreen />} />
        <Route
          path="map"
          element={
            <Suspense fallback={<Loading />}>
              <MapScreen />
            </Suspense>
          }
        />
        <Route path="review" element={<ReviewScreen />} />
        <Route path="users" element={<UsersScreen />} />
        <Route path="audit" element={<AuditScreen />} />
        <Route path="vocabularies" element={<VocabulariesScreen />} />
        <Route path="imports" element={<ImportScreen />} />
        <Route path="fixity" element={<FixityScreen />} />
        <Route path="search" element={<SearchScreen />} />
        <Route
          path="patterns"
          element={
            <Suspense fallback={<Loading />}>
              <PatternsScreen />
            </Suspense>
          }
        />
        <Route path="cases/:caseRef/corroboration" element={<CorroborationScreen />} />
      </Route>
      <Route path="*" element={<Navigate to="/app" replace />} />
    </Routes>
  );
}

/** Where a role starts: administrators with accounts, auditors with the audit trail, everyone else with cases. */
function landing(role: string | undefined): string {
  if (role === 'admin') return '/app/users';
  if (role === 'auditor') return '/app/audit';
  return '/app/cases';
}

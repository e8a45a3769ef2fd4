/** Code-based routes: the root (banners), the login page, and the signed-in app under one layout. */
import { Outlet, createRootRoute, createRoute, createRouter, useNavigate } from '@tanstack/react-router';
import { RootLayout } from './RootLayout';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RequireRole } from './RequireRole';
import {
  parseAgreementsSearch,
  parseAlliancesSearch,
  parseAuditSearch,
  parseCalendarSearch,
  parseDashboardSearch,
  parseEngagementSearch,
  parseEvaluationsSearch,
  parseLoginSearch,
  parsePartnersSearch,
} from './search';
import { LoginPage } from '../features/auth/LoginPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { EngagementsPage } from '../features/engagements/EngagementsPage';
import { EngagementDetailPage } from '../features/engagements/EngagementDetailPage';
import { EngagementFormPage } from '../features/engagements/EngagementFormPage';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { PartnersPage } from '../features/partners/PartnersPage';
import { PartnerPage } from '../features/partners/PartnerPage';
import { AlliancesPage } from '../features/alliances/AlliancesPage';
import { AgreementsPage } from '../features/agreements/AgreementsPage';
import { DueItemsPage } from '../features/due-items/DueItemsPage';
import { AccountPage } from '../features/auth/AccountPage';
import { parseDueItemsSearch } from '../features/due-items/dueItemsApi';
import { StrategyPage } from '../features/strategy/StrategyPage';
import { InitiativePage } from '../features/strategy/InitiativePage';
import { InitiativeFormPage } from '../features/strategy/initiatives/InitiativeFormPage';
import { PlanPage } from '../features/strategy/plans/PlanPage';
import { ObjectivePage } from '../features/strategy/objectives/ObjectivePage';
import { parseEvaluateSearch, subjectOf } from '../features/evaluation/evaluateSearch';
import { NewPlanPage } from '../features/strategy/plans/NewPlanPage';
import { ImportPage } from '../features/import/ImportPage';
import { IncidentImportPage } from '../features/incidents/IncidentImportPage';
import { DatasetsPage } from '../features/incidents/DatasetsPage';
import { AreasPage } from '../features/areas/AreasPage';
import { useMe } from './session';
import { ExplorePage } from '../features/incidents/ExplorePage';
import { EvaluatePage } from '../features/evaluation/EvaluatePage';
import { StoredEvaluationPage } from '../features/evaluation/StoredEvaluationPage';
import { EvaluationsIndexPage } from '../features/evaluation/EvaluationsIndexPage';
import { MonitorsPage } from '../features/monitors/MonitorsPage';
import { MonitorDetailPage } from '../features/monitors/MonitorDetailPage';
import { AlertsPage } from '../features/monitors/AlertsPanel';
import { canImportIncidents, parseExploreSearch } from '../features/incidents/incidentsApi';
import { UsersPage } from '../features/admin/UsersPage';
import { AuditPage } from '../features/admin/AuditPage';
import { UserDetailPage } from '../features/admin/UserDetailPage';
import { OrganisationsPage } from '../features/admin/OrganisationsPage';
import { CommunitiesPage } from '../features/admin/CommunitiesPage';
import { can } from './session';

const rootRoute = createRootRoute({ component: RootLayout, notFoundComponent: NotFoundPage });

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: parseLoginSearch,
  component: function LoginRoute() {
    const { redirect } = loginRoute.useSearch();
    return <LoginPage redirect={redirect} />;
  },
});

const appRoute = createRoute({ getParentRoute: () => rootRoute, id: 'app', component: AppLayout });

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  validateSearch: parseDashboardSearch,
  component: function DashboardRoute() {
    const search = dashboardRoute.useSearch();
    const navigate = useNavigate({ from: '/' });
    return <DashboardPage search={search} onSearch={(s) => void navigate({ search: s, replace: true })} />;
  },
});

const engagementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'engagements',
  component: Outlet,
});

const engagementsIndexRoute = createRoute({
  getParentRoute: () => engagementsRoute,
  path: '/',
  validateSearch: parseEngagementSearch,
  component: function EngagementsRoute() {
    const search = engagementsIndexRoute.useSearch();
    const navigate = useNavigate({ from: '/engagements/' });
    return <EngagementsPage search={search} onSearch={(s) => void navigate({ search: s, replace: true })} />;
  },
});

const engagementNewRoute = createRoute({
  getParentRoute: () => engagementsRoute,
  path: 'new',
  component: () => <EngagementFormPage />,
});

const engagementRoute = createRoute({
  getParentRoute: () => engagementsRoute,
  path: '$id',
  component: function EngagementRoute() {
    const { id } = engagementRoute.useParams();
    return <EngagementDetailPage id={id} />;
  },
});

const engagementEditRoute = createRoute({
  getParentRoute: () => engagementsRoute,
  path: '$id/edit',
  component: function EngagementEditRoute() {
    const { id } = engagementEditRoute.useParams();
    return <EngagementFormPage id={id} />;
  },
});

const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'calendar',
  validateSearch: parseCalendarSearch,
  component: function CalendarRoute() {
    const search = calendarRoute.useSearch();
    const navigate = useNavigate({ from: '/calendar' });
    return <CalendarPage search={search} onSearch={(s) => void navigate({ search: s, replace: true })} />;
  },
});

const partnersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'partners',
  validateSearch: parsePartnersSearch,
  component: function PartnersRoute() {
    const search = partnersRoute.useSearch();
    const navigate = useNavigate({ from: '/partners' });
    return <PartnersPage search={search} onSearch={(s) => void navigate({ search: s, replace: true })} />;
  },
});

const partnerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'partners/$iso3',
  component: function PartnerRoute() {
    const { iso3 } = partnerRoute.useParams();
    return <PartnerPage iso3={iso3} />;
  },
});

const alliancesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'alliances',
  validateSearch: parseAlliancesSearch,
  component: function AlliancesRoute() {
    const search = alliancesRoute.useSearch();
    const navigate = useNavigate({ from: '/alliances' });
    return <AlliancesPage search={search} onSearch={(s) => void navigate({ search: s })} />;
  },
});

const agreementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'agreements',
  validateSearch: parseAgreementsSearch,
  component: function AgreementsRoute() {
    const search = agreementsRoute.useSearch();
    const navigate = useNavigate({ from: '/agreements' });
    return <AgreementsPage search={search} onSearch={(s) => void navigate({ search: s, replace: true })} />;
  },
});

const accountRoute = createRoute({ getParentRoute: () => appRoute, path: 'account', component: AccountPage });

const dueItemsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'due-items',
  validateSearch: parseDueItemsSearch,
  component: function DueItemsRoute() {
    const search = dueItemsRoute.useSearch();
    const navigate = useNavigate({ from: '/due-items' });
    return <DueItemsPage search={search} onSearch={(s) => void navigate({ search: s, replace: true })} />;
  },
});

const strategyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'strategy',
  component: () => <StrategyPage />,
});

const objectiveRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'strategy/objectives/$id',
  component: function ObjectiveRoute() {
    const { id } = objectiveRoute.useParams();
    return <ObjectivePage id={id} />;
  },
});

const initiativeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'strategy/initiatives/$id',
  component: function InitiativeRoute() {
    const { id } = initiativeRoute.useParams();
    return <InitiativePage id={id} />;
  },
});

const newInitiativeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'strategy/initiatives/new',
  component: () => <InitiativeFormPage />,
});

const initiativeEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'strategy/initiatives/$id/edit',
  // `focus`: a field path (e.g. `logicModel.2.indicators`) the form focuses on opening.
  validateSearch: (s: Record<string, unknown>): { focus?: string } =>
    typeof s.focus === 'string' && s.focus.length <= 200 ? { focus: s.focus } : {},
  component: function InitiativeEditRoute() {
    const { id } = initiativeEditRoute.useParams();
    const { focus } = initiativeEditRoute.useSearch();
    return <InitiativeFormPage id={id} focus={focus} />;
  },
});

const newPlanRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'strategy/plans/new',
  component: () => <NewPlanPage />,
});

const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'strategy/plans/$id',
  component: function PlanRoute() {
    const { id } = planRoute.useParams();
    return <PlanPage id={id} />;
  },
});

const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'import',
  component: () => (
    <RequireRole allow={can.importData}>
      <ImportPage />
    </RequireRole>
  ),
});

const incidentImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'incidents/import',
  component: () => (
    <RequireRole allow={canImportIncidents}>
      <IncidentImportPage />
    </RequireRole>
  ),
});

const incidentDatasetsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'incidents/datasets',
  component: () => <DatasetsPage />,
});

const incidentExploreRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'incidents/explore',
  validateSearch: parseExploreSearch,
  component: function IncidentExploreRoute() {
    const search = incidentExploreRoute.useSearch();
    const navigate = useNavigate({ from: '/incidents/explore' });
    return <ExplorePage search={search} onSearch={(s) => void navigate({ search: s, replace: true })} />;
  },
});

const incidentAreasRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'incidents/areas',
  validateSearch: (s: Record<string, unknown>): { key?: string | undefined } =>
    typeof s['key'] === 'string' && s['key'].length <= 120 ? { key: s['key'] } : {},
  component: function IncidentAreasRoute() {
    const { key } = incidentAreasRoute.useSearch();
    const navigate = useNavigate({ from: '/incidents/areas' });
    const me = useMe();
    return (
      <AreasPage
        canEdit={canImportIncidents(me)}
        selected={key}
        onSelect={(k) => void navigate({ search: k ? { key: k } : {}, replace: true })}
      />
    );
  },
});

const evaluateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'evaluate',
  validateSearch: parseEvaluateSearch,
  component: function EvaluateRoute() {
    return <EvaluatePage subject={subjectOf(evaluateRoute.useSearch())} />;
  },
});

const evaluationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'evaluations',
  validateSearch: parseEvaluationsSearch,
  component: function EvaluationsRoute() {
    const search = evaluationsRoute.useSearch();
    const navigate = useNavigate({ from: '/evaluations' });
    return (
      <EvaluationsIndexPage search={search} onSearch={(s) => void navigate({ search: s, replace: true })} />
    );
  },
});

const storedEvaluationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'evaluations/$id',
  component: function StoredEvaluationRoute() {
    const { id } = storedEvaluationRoute.useParams();
    return <StoredEvaluationPage key={id} id={id} />;
  },
});

const monitorsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'monitors',
  component: () => <MonitorsPage />,
});

const monitorAlertsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'monitors/alerts',
  component: () => <AlertsPage />,
});

const monitorRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'monitors/$id',
  component: function MonitorRoute() {
    const { id } = monitorRoute.useParams();
    return <MonitorDetailPage key={id} id={id} />;
  },
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/users',
  component: () => (
    <RequireRole allow={can.administer}>
      <UsersPage />
    </RequireRole>
  ),
});

const userRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/users/$id',
  component: function UserRoute() {
    const { id } = userRoute.useParams();
    return (
      <RequireRole allow={can.administer}>
        <UserDetailPage id={id} />
      </RequireRole>
    );
  },
});

const organisationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/organisations',
  component: () => (
    <RequireRole allow={can.administer}>
      <OrganisationsPage />
    </RequireRole>
  ),
});

const communitiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/communities',
  component: () => (
    <RequireRole allow={can.administer}>
      <CommunitiesPage />
    </RequireRole>
  ),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/audit',
  validateSearch: parseAuditSearch,
  component: function AuditRoute() {
    const search = auditRoute.useSearch();
    const navigate = useNavigate({ from: '/admin/audit' });
    return (
      <RequireRole allow={can.readAudit}>
        <AuditPage search={search} onSearch={(s) => void navigate({ search: s, replace: true })} />
      </RequireRole>
    );
  },
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    dashboardRoute,
    engagementsRoute.addChildren([
      engagementsIndexRoute,
      engagementNewRoute,
      engagementRoute,
      engagementEditRoute,
    ]),
    calendarRoute,
    partnersRoute,
    partnerRoute,
    alliancesRoute,
    agreementsRoute,
    dueItemsRoute,
    accountRoute,
    strategyRoute,
    objectiveRoute,
    initiativeRoute,
    newInitiativeRoute,
    initiativeEditRoute,
    newPlanRoute,
    planRoute,
    importRoute,
    incidentImportRoute,
    incidentDatasetsRoute,
    incidentExploreRoute,
    incidentAreasRoute,
    evaluateRoute,
    evaluationsRoute,
    storedEvaluationRoute,
    monitorsRoute,
    monitorAlertsRoute,
    monitorRoute,
    usersRoute,
    userRoute,
    organisationsRoute,
    communitiesRoute,
    auditRoute,
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: false, scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

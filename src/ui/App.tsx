import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Route, Router, Switch, useRoute, type BaseLocationHook } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { HomeScreen } from './screens/HomeScreen';

// Only the home screen is in the first bundle; the service worker precaches the rest.
const HouseholdFormScreen = lazy(() => import('./screens/HouseholdFormScreen').then((m) => ({ default: m.HouseholdFormScreen })));
const HouseholdListScreen = lazy(() => import('./screens/HouseholdListScreen').then((m) => ({ default: m.HouseholdListScreen })));
const SettingsScreen = lazy(() => import('./screens/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const HouseholdScreen = lazy(() => import('./screens/HouseholdScreen').then((m) => ({ default: m.HouseholdScreen })));
const PeopleScreen = lazy(() => import('./screens/PeopleScreen').then((m) => ({ default: m.PeopleScreen })));
const PersonServicesScreen = lazy(() => import('./screens/PersonServicesScreen').then((m) => ({ default: m.PersonServicesScreen })));
const OwedScreen = lazy(() => import('./screens/OwedScreen').then((m) => ({ default: m.OwedScreen })));
const GroupServiceScreen = lazy(() => import('./screens/GroupServiceScreen').then((m) => ({ default: m.GroupServiceScreen })));
const CallbacksScreen = lazy(() => import('./screens/CallbacksScreen').then((m) => ({ default: m.CallbacksScreen })));
const SyncScreen = lazy(() => import('./screens/SyncScreen').then((m) => ({ default: m.SyncScreen })));
const SurveyScreen = lazy(() => import('./screens/SurveyScreen').then((m) => ({ default: m.SurveyScreen })));
const ImportScreen = lazy(() => import('./import/ImportScreen').then((m) => ({ default: m.ImportScreen })));
const ReportsScreen = lazy(() => import('./reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })));
const FindingsScreen = lazy(() => import('./screens/FindingsScreen').then((m) => ({ default: m.FindingsScreen })));
const ProgressScreen = lazy(() => import('./screens/ProgressScreen').then((m) => ({ default: m.ProgressScreen })));
const TargetsScreen = lazy(() => import('./screens/TargetsScreen').then((m) => ({ default: m.TargetsScreen })));

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [exact] = useRoute(href);
  const [nested] = useRoute(`${href}/*`);
  const active = exact || (href !== '/' && nested);
  return (
    <Link href={href} className="nav-link" aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** Hash routing: every screen is `index.html`, so the service worker's one cached page serves all. */
export function App({ locationHook = useHashLocation, banner }: { locationHook?: BaseLocationHook; banner?: ReactNode }) {
  return (
    <Router hook={locationHook}>
      <div className="app">
        {banner}
        <main className="content">
          <Suspense fallback={<p aria-busy="true">正在打开…</p>}>
          <Switch>
            <Route path="/" component={HomeScreen} />
            <Route path="/households" component={HouseholdListScreen} />
            <Route path="/households/new">{() => <HouseholdFormScreen />}</Route>
            <Route path="/households/:id/edit">{(params) => <HouseholdFormScreen householdId={params.id} />}</Route>
            <Route path="/households/:id">{(params) => <HouseholdScreen householdId={params.id} />}</Route>
            <Route path="/people" component={PeopleScreen} />
            <Route path="/people/:id/services">{(params) => <PersonServicesScreen key={params.id} personId={params.id} />}</Route>
            <Route path="/owed" component={OwedScreen} />
            <Route path="/services/group" component={GroupServiceScreen} />
            <Route path="/callbacks" component={CallbacksScreen} />
            <Route path="/people/:id">{(params) => <SurveyScreen key={params.id} personId={params.id} />}</Route>
            <Route path="/findings" component={FindingsScreen} />
            <Route path="/progress" component={ProgressScreen} />
            <Route path="/progress/targets" component={TargetsScreen} />
            <Route path="/settings" component={SettingsScreen} />
            <Route path="/sync" component={SyncScreen} />
            <Route path="/import" component={ImportScreen} />
            <Route path="/reports" component={ReportsScreen} />
            <Route>
              <section className="screen">
                <h1>页面不存在</h1>
                <Link href="/">返回首页</Link>
              </section>
            </Route>
          </Switch>
          </Suspense>
        </main>
        <nav className="tabbar" aria-label="主导航">
          <NavLink href="/">首页</NavLink>
          <NavLink href="/households">入户</NavLink>
          <NavLink href="/people">人员</NavLink>
          <NavLink href="/owed">待帮扶</NavLink>
          <NavLink href="/settings">设置</NavLink>
        </nav>
      </div>
    </Router>
  );
}

import { createRouter, createWebHistory } from 'vue-router';
import { loadMe, session, workspaceFor, mayOpen } from './session.js';
import { takeReturn } from './returnTo.js';
import { signInFailedHere } from './api.js';

const routes = [
  { path: '/', name: 'home', component: () => import('./pages/Landing.vue') },
  { path: '/community', name: 'community', component: () => import('./pages/community/CommunityDesk.vue'), meta: { ws: '/community', layout: 'desk' } },
  { path: '/community/import', name: 'community-import', component: () => import('./pages/community/ImportWizard.vue'), meta: { ws: '/community', layout: 'desk' } },
  { path: '/provider', name: 'provider', component: () => import('./pages/provider/ProviderDesk.vue'), meta: { ws: '/provider', layout: 'desk' } },
  { path: '/volunteer/check-in', name: 'volunteer-check-in', component: () => import('./pages/volunteer/VolunteerCheckIn.vue'), meta: { ws: '/volunteer', layout: 'phone' } },
  { path: '/volunteer', name: 'volunteer', component: () => import('./pages/volunteer/VolunteerPhone.vue'), meta: { ws: '/volunteer', layout: 'phone' } },
  { path: '/worker', name: 'worker', component: () => import('./pages/worker/WorkerPhone.vue'), meta: { ws: '/worker', layout: 'phone' } },
  { path: '/grid', name: 'grid', component: () => import('./pages/grid/GridPhone.vue'), meta: { ws: '/grid', layout: 'phone' } },
  { path: '/resident', name: 'resident', component: () => import('./pages/resident/ResidentPhone.vue'), meta: { ws: '/resident', layout: 'phone' } },
  { path: '/station', name: 'station', component: () => import('./pages/station/StationConsole.vue'), meta: { ws: '/station', layout: 'desk' } },
  { path: '/centre', name: 'centre', component: () => import('./pages/centre/CentreReports.vue'), meta: { ws: '/centre', layout: 'desk' } },
  { path: '/admin', name: 'admin', component: () => import('./pages/admin/AdminHome.vue'), meta: { ws: '/admin', layout: 'desk' } },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('./pages/NotFound.vue') }
];

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
  scrollBehavior: () => ({ top: 0 })
});

router.beforeEach(async (to) => {
  try {
    await loadMe();
  } catch {
    // 401: api.js is already on its way to the sign-in; anything else: Landing shows the failure.
    return to.name === 'home' ? true : { name: 'home' };
  }
  const roles = session.me.roles;
  if (to.name === 'home') {
    // Just signed in from a page opened while signed out (a check-in QR): back to that page, once.
    const back = signInFailedHere() ? null : takeReturn();
    if (back) {
      const r = router.resolve(back);
      return { path: r.path, query: r.query, hash: r.hash, replace: true };
    }
    const ws = workspaceFor(roles);
    return ws ? { path: ws, replace: true } : true;
  }
  if (to.meta.ws && !mayOpen(roles, to.meta.ws)) {
    return { name: 'home', query: { denied: to.meta.ws } };
  }
  return true;
});

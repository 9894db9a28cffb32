import { reactive } from 'vue';
import { api } from './api.js';

/** Who is signed in, from GET /api/me. */
export const session = reactive({ loaded: false, me: null, error: null });

let pending = null;

export function loadMe() {
  if (session.loaded) return Promise.resolve(session.me);
  if (!pending) {
    pending = api.get('/api/me').then((me) => {
      session.me = normalizeMe(me);
      session.loaded = true;
      return session.me;
    }).catch((err) => {
      session.error = err;
      pending = null;
      throw err;
    });
  }
  return pending;
}

export function normalizeMe(me) {
  const m = me || {};
  return {
    subject: m.subject || '',
    name: m.name || m.subject || '',
    roles: Array.isArray(m.roles) ? m.roles : [],
    tenancy: m.tenancy && typeof m.tenancy === 'object' ? m.tenancy : {}
  };
}

/** Role → workspace path; the first role of this order that the person has wins. */
export const WORKSPACES = [
  { role: 'hub_admin', path: '/admin' },
  { role: 'station_staff', path: '/station' },
  { role: 'centre_manager', path: '/centre' },
  { role: 'community_staff', path: '/community' },
  { role: 'organization_staff', path: '/provider' },
  { role: 'donor_staff', path: '/provider' },
  { role: 'social_worker', path: '/worker' },
  { role: 'grid_worker', path: '/grid' },
  { role: 'volunteer', path: '/volunteer' },
  { role: 'resident', path: '/resident' }
];

/** The workspace a person lands on at '/', or null when no role of theirs has one. */
export function workspaceFor(roles) {
  const have = new Set(roles || []);
  const hit = WORKSPACES.find((w) => have.has(w.role));
  return hit ? hit.path : null;
}

/** Every workspace path the person may open (a person may hold several roles). */
export function workspacesOf(roles) {
  const have = new Set(roles || []);
  const paths = [];
  for (const w of WORKSPACES) {
    if (have.has(w.role) && w.path !== '/admin' && !paths.includes(w.path)) paths.push(w.path);
  }
  return paths;
}

/** Roles that may open a workspace; hub_admin may open each (the services decide what it sees). */
export const ROLES_OF = {
  '/community': ['community_staff'],
  '/provider': ['organization_staff', 'donor_staff'],
  '/volunteer': ['volunteer'],
  '/worker': ['social_worker'],
  '/grid': ['grid_worker'],
  '/resident': ['resident'],
  '/station': ['station_staff'],
  '/centre': ['centre_manager'],
  '/admin': ['hub_admin']
};

export function mayOpen(roles, path) {
  const allowed = ROLES_OF[path];
  if (!allowed) return true;
  const have = new Set(roles || []);
  return have.has('hub_admin') || allowed.some((r) => have.has(r));
}

export function tenant(name) {
  return session.me && session.me.tenancy ? session.me.tenancy[name] || null : null;
}

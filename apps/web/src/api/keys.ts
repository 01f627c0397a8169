// Query keys of every resource, in one place so a write can name what it
// changes without the resource modules importing each other. A key starts with
// its resource and includes every id and filter its answer depends on:
// invalidating ['users'] refetches every users query, ['users', id] one user's.
// A delete does not remove its entity's query: the page still showing it would
// turn to "Loading" (and lose the navigation that follows the delete).

export const keys = {
  me: ['auth', 'me'] as const,
  users: {
    all: ['users'] as const,
    list: () => ['users', 'list'] as const,
    one: (id: string) => ['users', id] as const,
    contactMethods: (id: string) => ['users', id, 'contact-methods'] as const,
    notificationRules: (id: string) => ['users', id, 'notification-rules'] as const,
  },
  teams: {
    all: ['teams'] as const,
    list: () => ['teams', 'list'] as const,
    one: (id: string) => ['teams', id] as const,
  },
  services: {
    all: ['services'] as const,
    list: () => ['services', 'list'] as const,
    one: (id: string) => ['services', id] as const,
    integrationKeys: (id: string) => ['services', id, 'integration-keys'] as const,
    heartbeats: (id: string) => ['services', id, 'heartbeats'] as const,
    alertRules: (id: string) => ['services', id, 'alert-rules'] as const,
  },
  incidents: {
    all: ['incidents'] as const,
    lists: () => ['incidents', 'list'] as const,
    list: (filter: { status: readonly string[]; serviceId?: string | undefined }) => ['incidents', 'list', filter] as const,
    details: () => ['incidents', 'detail'] as const,
    /** by the URL's id: a number (`/incidents/42`) or the uuid */
    detail: (ref: string) => ['incidents', 'detail', ref] as const,
    explain: (id: string) => ['incidents', 'explain', id] as const,
  },
  storms: {
    all: ['storms'] as const,
    one: (id: string) => ['storms', id] as const,
  },
  notifications: {
    all: ['notifications'] as const,
    ofIncident: (incidentId: string) => ['notifications', incidentId] as const,
  },
  schedules: {
    all: ['schedules'] as const,
    list: () => ['schedules', 'list'] as const,
    one: (id: string) => ['schedules', id] as const,
    shifts: (id: string, range: string) => ['schedules', id, 'shifts', range] as const,
    overrides: (id: string) => ['schedules', id, 'overrides'] as const,
  },
  policies: {
    all: ['policies'] as const,
    list: () => ['policies', 'list'] as const,
    one: (id: string) => ['policies', id] as const,
    simulations: (id: string) => ['policies', id, 'simulation'] as const,
    simulation: (id: string, at: string, severity: string) => ['policies', id, 'simulation', at, severity] as const,
  },
  maintenanceWindows: {
    all: ['maintenance-windows'] as const,
    list: () => ['maintenance-windows', 'list'] as const,
    one: (id: string) => ['maintenance-windows', id] as const,
    incidents: (id: string) => ['maintenance-windows', id, 'incidents'] as const,
  },
  routingIntegrations: {
    all: ['routing-integrations'] as const,
    list: () => ['routing-integrations', 'list'] as const,
    unrouted: (id: string) => ['routing-integrations', id, 'unrouted'] as const,
    // h21: its own alert rules
    alertRules: (id: string) => ['routing-integrations', id, 'alert-rules'] as const,
  },
  auditLog: (entityType: string) => ['audit-log', entityType] as const,
  // hu: insights, paging readiness, team settings (issue 23)
  insights: (q: { teamId?: string | undefined; serviceId?: string | undefined; from?: string | undefined; to?: string | undefined }) => ['insights', q] as const,
  readiness: ['readiness'] as const,
  teamSettings: (id: string) => ['teams', id, 'settings'] as const,
};

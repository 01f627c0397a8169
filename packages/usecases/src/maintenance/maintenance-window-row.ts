export type { MaintenanceWindowRow } from '@heinrich/db/maintenance/maintenance-window-row';

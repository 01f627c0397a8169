// The worker's wake-up for delivery (LISTEN heinrich_deliveries), from the database package.
export { listenForDeliveries } from '@heinrich/db/delivery/listen-for-deliveries';

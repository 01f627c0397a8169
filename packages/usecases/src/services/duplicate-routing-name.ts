import { AppError } from '@heinrich/core/app-error';
import { isUniqueViolation } from '../unique-violation';

/**
 * A write refused by the unique routing_name (the only unique column of services)
 * becomes a 400 naming the field; anything else is rethrown.
 */
export function duplicateRoutingName(routingName: string | null | undefined): (err: unknown) => never {
  return (err) => {
    if (routingName && isUniqueViolation(err)) {
      throw new AppError('validation_failed', `Invalid service: routingName "${routingName}" is taken by another service`, [
        { path: 'routingName', message: `"${routingName}" is taken by another service` },
      ]);
    }
    throw err;
  };
}

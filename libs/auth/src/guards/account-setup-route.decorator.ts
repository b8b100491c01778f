import { SetMetadata } from '@nestjs/common';

export const ACCOUNT_SETUP_ROUTE_KEY = 'sillok:account-setup-route';

/**
 * Marks an @Authenticated() route that an account still being set up may use: one whose
 * password must be changed, or one holding an enrolment-only token (second factor owed).
 * Every other route refuses them with 403 until the setup is done.
 */
export const AccountSetupRoute = () => SetMetadata(ACCOUNT_SETUP_ROUTE_KEY, true);

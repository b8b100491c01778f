// The OpenAPI document derives its error responses from the same listing, so it lives with the app.
export { describeAccess, listRoutes, type ListedRoute } from '../../apps/api/src/http/route-listing.js';

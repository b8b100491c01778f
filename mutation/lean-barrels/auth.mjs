// @sillok/auth as the mutation run sees it: the role map only (see core.mjs for why). The real index
// also loads the auth module's services, entities and guards (NestJS, TypeORM, argon2).
export * from '../../libs/auth/src/roles/role.js';
export * from '../../libs/auth/src/roles/role-permissions.js';

export * from './incidents.module.js';
export * from './incidents/incident.entity.js';
export * from './incidents/incident.service.js';
export * from './sources/incident-source.entity.js';
export * from './sources/incident-source.service.js';
export * from './links/incident-link.entity.js';
export * from './links/incident-link.service.js';
// The incident filters a search shares (libs/search picks its event filters from them).
export { ListIncidentsQuery } from './incidents/http/incident.dto.js';
export * from './abductees/abductee.entity.js';
export * from './abductees/abductee.service.js';

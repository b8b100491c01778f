import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@sillok/cases';
import { TaxonomyModule } from '@sillok/taxonomy';
import { TestimoniesModule } from '@sillok/testimonies';
import { AbducteeController } from './abductees/http/abductee.controller.js';
import { Abductee } from './abductees/abductee.entity.js';
import { AbducteeService } from './abductees/abductee.service.js';
import { IncidentController } from './incidents/http/incident.controller.js';
import { Incident } from './incidents/incident.entity.js';
import { IncidentService } from './incidents/incident.service.js';
import { IncidentLink } from './links/incident-link.entity.js';
import { IncidentLinkService } from './links/incident-link.service.js';
import { IncidentSource } from './sources/incident-source.entity.js';
import { IncidentSourceService } from './sources/incident-source.service.js';
import { AbducteeReferenceResolver, IncidentReferenceResolver } from './reference-params.js';

const SERVICES = [IncidentService, IncidentSourceService, IncidentLinkService, AbducteeService];

/** Incidents (who did what to whom, where, when), their sources in testimonies, links between them, and the abductees registry. */
@Module({
  imports: [
    CasesModule,
    TaxonomyModule,
    TestimoniesModule,
    TypeOrmModule.forFeature([Incident, IncidentSource, IncidentLink, Abductee]),
  ],
  controllers: [IncidentController, AbducteeController],
  providers: [...SERVICES, IncidentReferenceResolver, AbducteeReferenceResolver],
  exports: SERVICES,
})
export class IncidentsModule {}

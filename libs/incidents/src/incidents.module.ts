import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@sillok/cases';
import { TaxonomyModule } from '@sillok/taxonomy';
import { TestimoniesModule } from '@sillok/testimonies';
import { IncidentController } from './incidents/incident.controller.js';
import { Incident } from './incidents/incident.entity.js';
import { IncidentService } from './incidents/incident.service.js';
import { IncidentLink } from './links/incident-link.entity.js';
import { IncidentLinkService } from './links/incident-link.service.js';
import { IncidentSource } from './sources/incident-source.entity.js';
import { IncidentSourceService } from './sources/incident-source.service.js';

const SERVICES = [IncidentService, IncidentSourceService, IncidentLinkService];

/** Incidents (who did what to whom, where, when), their sources in testimonies, and links between them. */
@Module({
  imports: [
    CasesModule,
    TaxonomyModule,
    TestimoniesModule,
    TypeOrmModule.forFeature([Incident, IncidentSource, IncidentLink]),
  ],
  controllers: [IncidentController],
  providers: SERVICES,
  exports: SERVICES,
})
export class IncidentsModule {}

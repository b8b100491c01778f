import { Injectable, type OnModuleInit } from '@nestjs/common';
import { objectKeyColumnOf, ObjectReferences } from '@sillok/evidence';

/** Tells the object sweeper that bags named by case_exports rows are kept (never swept). */
@Injectable()
export class ExportObjectReferences implements OnModuleInit {
  constructor(private readonly references: ObjectReferences) {}

  onModuleInit(): void {
    this.references.register('case_exports', objectKeyColumnOf('case_exports'));
  }
}

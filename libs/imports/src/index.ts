export * from './formats/source-record.js';
export * from './record-types/import-field.js';
export * from './record-types/import-record-type.js';
export * from './record-types/record-types.js';
export * from './import.service.js';
export * from './imports.module.js';

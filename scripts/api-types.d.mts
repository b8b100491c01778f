export declare const DEFAULT_TYPES_FILE: string;
export declare function generateApiTypes(document: object, outFile?: string): Promise<string>;

import { createHmac, randomBytes } from 'node:crypto';

/**
 * The identifiers a bag shows for internal records and people. A public bag must not let its
 * readers link it to another bag or to a staff account, so there every internal id becomes a
 * pseudonym keyed by a secret drawn for this bag alone and then forgotten: the same record is
 * the same pseudonym within the bag, and nothing across bags.
 */
export class BagIdentifiers {
  private readonly key: Buffer | null;

  constructor(pseudonymous: boolean, key: Buffer = randomBytes(32)) {
    this.key = pseudonymous ? key : null;
  }

  get pseudonymous(): boolean {
    return this.key !== null;
  }

  of(id: string): string;
  of(id: string | null): string | null;
  of(id: string | null): string | null {
    if (id === null || this.key === null) return id;
    return `bag-${createHmac('sha256', this.key).update(id).digest('hex').slice(0, 16)}`;
  }
}

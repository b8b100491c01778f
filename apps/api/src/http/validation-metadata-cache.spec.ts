import { describe, expect, it } from '@jest/globals';
import { IsInt, IsString, validate } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache.js';

class Base {
  @IsString()
  name: string;
}

class Child extends Base {
  @IsInt()
  count: number;
}

const errorsOf = async (target: object) =>
  (await validate(target, { whitelist: true, forbidNonWhitelisted: true })).map((e) => e.property).sort();

describe('cacheValidationMetadata', () => {
  it('keeps the answers class-validator gives, inherited rules included, and sees rules added later', async () => {
    const bad = () => Object.assign(new Child(), { name: 1, count: 'x', extra: true });
    const before = await errorsOf(bad());
    cacheValidationMetadata();
    expect(await errorsOf(bad())).toEqual(before);
    expect(await errorsOf(bad())).toEqual(['count', 'extra', 'name']);

    // A class defined after the cache was installed (its decorators run now).
    class Later extends Child {
      @IsString()
      note: string;
    }
    expect(await errorsOf(Object.assign(new Later(), { name: 'a', count: 1, note: 2 }))).toEqual(['note']);
    expect(await errorsOf(Object.assign(new Child(), { name: 'a', count: 1 }))).toEqual([]);
  });
});

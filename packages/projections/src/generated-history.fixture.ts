/**
 * Generated histories for the read-model properties: body commands and office commands over the
 * same offices and persons, interleaved (each keeping its own order), with steps of the store
 * clock (0, 1 or 60 minutes, so that several commands may share an instant) and a cut point.
 */
import fc from 'fast-check';
import { BodyArbitraries, OfficeArbitraries } from '@mandate/core/testing';

/** The province that establishes the generated body. */
export const PROVINCE = BodyArbitraries.PROVINCE;
/** Registers the province, as a root authority. */
export const registerProvince = {
  type: 'RegisterAuthority',
  data: {
    authorityId: PROVINCE,
    name: { vi: 'Ủy ban nhân dân tỉnh Bình Phước' },
    level: 'province',
    basis: {
      type: 'decision',
      number: '1/QĐ-UBND',
      issuer: PROVINCE,
      signer: { name: 'Nguyễn Văn Trăm', title: 'Chủ tịch UBND tỉnh' },
      signedOn: '2017-12-20',
    },
    effectiveOn: '2017-12-20',
  },
};

/** Office histories over the offices and persons the body generators name. */
const officePools: OfficeArbitraries.OfficePools = {
  ...OfficeArbitraries.defaultOfficePools,
  offices: ['chu-tich-ubnd', 'giam-doc-so-tttt'],
  persons: ['nguyen-van-tram', 'tran-thi-hoa', 'le-van-minh'],
  authorities: fc.constant(PROVINCE),
};

/** Body and office commands interleaved (each keeping its own order), with clock steps. */
/** A history: interleaved commands, clock steps in minutes, and where to cut the run. */
export const history = fc
  .tuple(
    BodyArbitraries.bodyCommands(12),
    OfficeArbitraries.officeHistoryArbitrary(officePools, { maxLength: 8 }),
  )
  .chain(([body, office]) =>
    fc
      .tuple(
        fc.array(fc.boolean(), { minLength: body.length + office.length, maxLength: 40 }),
        fc.array(fc.constantFrom(0, 1, 60), { minLength: 40, maxLength: 40 }),
        fc.nat({ max: body.length + office.length }),
      )
      .map(([picks, steps, cut]) => {
        const [b, o] = [[...body], [...office]];
        const commands: unknown[] = picks.flatMap((pickBody) => {
          const next = (pickBody && b.length > 0) || o.length === 0 ? b.shift() : o.shift();
          return next === undefined ? [] : [next];
        });
        return { commands, steps, cut };
      }),
  );

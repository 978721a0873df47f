import { describe, expect, it } from '@jest/globals';
import { addressBlock, budgetOwner } from './budget-owner';

describe('budgetOwner', () => {
  it('is the key fingerprint for a client with a key, the address without one', () => {
    expect(budgetOwner({ role: 'reader', keyId: 'key:0123456789ab' }, '192.0.2.1')).toBe('key:0123456789ab');
    expect(budgetOwner({ role: 'anonymous' }, '192.0.2.1')).toBe('address:192.0.2.1');
  });

  it.each([
    ['192.0.2.1', '192.0.2.1'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b:1:2::192.0.2.1', '64:ff9b:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('counts %s as %s', (address, block) => {
    expect(addressBlock(address)).toBe(block);
  });
});

/** The header menu stays short for every role, and every page a role can reach from it is listed once. */
import { describe, expect, it } from 'vitest';
import { Role } from '../../shared/roles.js';
import { groupNavItems, navItemsFor } from './nav-items.js';

describe('navigation', () => {
  it.each([null, ...Role.options])('gives %s at most six header entries', (role) => {
    expect(groupNavItems(navItemsFor(role)).length).toBeLessThanOrEqual(6);
  });

  it.each([null, ...Role.options])('lists each path once for %s', (role) => {
    const paths = navItemsFor(role).map((i) => i.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('keeps the three public services in everyone’s menu', () => {
    for (const role of [null, ...Role.options]) {
      const groups = groupNavItems(navItemsFor(role)).flatMap((e) => (e.kind === 'group' ? [e.group] : []));
      expect(groups).toEqual(expect.arrayContaining(['nav.groupFindJobs', 'nav.groupSkills', 'nav.groupPolicy']));
    }
  });
});

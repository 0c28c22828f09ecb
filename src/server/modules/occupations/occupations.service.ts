/**
 * The classifier of one database: built once from its catalogue tables (occupations, regions, skills,
 * new-occupation announcements) and cached per Database object. Building takes a few hundred ms.
 */
import { occupationAnnouncements, occupations, regions, skills } from '../../db/schema.js';
import type { Database } from '../../db/client.js';
import { buildClassifier, type OccupationClassifier } from './occupations.classifier.js';

const cache = new WeakMap<Database, Promise<OccupationClassifier>>();

async function load(database: Database): Promise<OccupationClassifier> {
  const { db } = database;
  const [occ, reg, sk, ann] = await Promise.all([
    db
      .select({ code: occupations.code, level: occupations.level, name: occupations.name, parentCode: occupations.parentCode, status: occupations.status })
      .from(occupations),
    db.select({ name: regions.name }).from(regions),
    db.select({ nameZh: skills.nameZh, nameEn: skills.nameEn, clusterId: skills.clusterId, aliasesZh: skills.aliasesZh }).from(skills),
    db.select({ name: occupationAnnouncements.name, occupationCode: occupationAnnouncements.occupationCode }).from(occupationAnnouncements),
  ]);
  if (occ.length === 0) throw new Error('occupation catalogue is empty: load data/reference first');
  return buildClassifier({ occupations: occ, regionNames: reg.map((r) => r.name), skills: sk, announcements: ann });
}

/** The classifier for this database (built on first call; a failed build is not cached). */
export function getOccupationClassifier(database: Database): Promise<OccupationClassifier> {
  let p = cache.get(database);
  if (!p) {
    p = load(database);
    cache.set(database, p);
    p.catch(() => cache.delete(database));
  }
  return p;
}

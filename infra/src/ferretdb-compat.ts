/**
 * The MongoDB features koppel depends on, checked with mongoose against a running database
 * (run by `npx tsx infra/src/smoke.ts --compat`). Results are recorded in
 * docs/decisions/0002-ferretdb-v1-sqlite-embedded-main.md.
 */
import mongoose, { type Connection } from 'mongoose';

export interface CompatResult {
  name: string;
  ok: boolean;
  detail?: string;
}

export async function runCompatChecks(conn: Connection): Promise<CompatResult[]> {
  const results: CompatResult[] = [];
  const check = async (name: string, fn: () => Promise<string | void>): Promise<void> => {
    try {
      const detail = await fn();
      results.push({ name, ok: true, detail: detail || undefined });
    } catch (error) {
      const e = error as { code?: number; message?: string };
      results.push({ name, ok: false, detail: `${e.code ?? ''} ${e.message ?? String(error)}`.trim() });
    }
  };
  const expect = (cond: boolean, msg: string): void => {
    if (!cond) throw new Error(msg);
  };

  const Outbox = new mongoose.Schema({ id: String, type: String, at: Date }, { _id: false });
  const schema = new mongoose.Schema(
    {
      _id: { type: String },
      email: { type: String },
      active: { type: Boolean },
      region: { type: String },
      n: { type: Number, default: 0 },
      createdOnce: { type: Date },
      seenAt: { type: Date },
      outbox: { type: [Outbox], default: [] },
    },
    { versionKey: false },
  );
  schema.index({ email: 1 }, { unique: true });
  schema.index({ active: 1, region: 1 });
  const Doc = conn.model('CompatDoc', schema, `compat_${Date.now()}`);
  await Doc.init();

  await check('string _id + Date field round trip', async () => {
    const at = new Date('2025-03-01T10:00:00.123Z');
    await Doc.create({ _id: 'school-1', email: 'a@x.nl', active: true, region: 'utrecht', seenAt: at });
    const d = await Doc.findById('school-1').lean();
    expect(!!d && typeof d._id === 'string', 'no string _id');
    expect(d!.seenAt instanceof Date && d!.seenAt.getTime() === at.getTime(), `date mismatch ${String(d?.seenAt)}`);
  });

  await check('unique index -> duplicate key error 11000', async () => {
    try {
      await Doc.create({ _id: 'school-dup', email: 'a@x.nl' });
    } catch (error) {
      const code = (error as { code?: number }).code;
      expect(code === 11000, `got code ${code}: ${(error as Error).message}`);
      return `code ${code}`;
    }
    throw new Error('no error on duplicate email');
  });

  await check('findOneAndUpdate with upsert (+ $setOnInsert, $set, $inc)', async () => {
    const first = await Doc.findOneAndUpdate(
      { _id: 'prov-1' },
      { $setOnInsert: { createdOnce: new Date('2025-01-01T00:00:00Z'), email: 'p@x.nl' }, $set: { region: 'amsterdam' }, $inc: { n: 1 } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    expect(!!first && first.n === 1 && first.region === 'amsterdam', `first ${JSON.stringify(first)}`);
    const second = await Doc.findOneAndUpdate(
      { _id: 'prov-1' },
      { $setOnInsert: { createdOnce: new Date('2030-01-01T00:00:00Z') }, $inc: { n: 1 } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    expect(second!.n === 2, `n=${second!.n}`);
    expect(
      second!.createdOnce!.toISOString() === '2025-01-01T00:00:00.000Z',
      `$setOnInsert overwritten: ${second!.createdOnce!.toISOString()}`,
    );
  });

  await check('$inc', async () => {
    await Doc.updateOne({ _id: 'school-1' }, { $inc: { n: 5 } });
    await Doc.updateOne({ _id: 'school-1' }, { $inc: { n: -2 } });
    const d = await Doc.findById('school-1').lean();
    expect(d!.n === 3, `n=${d!.n}`);
  });

  await check('updateOne $push subdocument to array', async () => {
    const r1 = await Doc.updateOne({ _id: 'school-1' }, { $push: { outbox: { id: 'e1', type: 'A', at: new Date() } } });
    await Doc.updateOne({ _id: 'school-1' }, { $push: { outbox: { id: 'e2', type: 'B', at: new Date() } } });
    await Doc.updateOne({ _id: 'school-1' }, { $push: { outbox: { id: 'e3', type: 'C', at: new Date() } } });
    const d = await Doc.findById('school-1').lean();
    expect(d!.outbox.length === 3, `outbox ${JSON.stringify(d!.outbox)}`);
    return `modifiedCount=${r1.modifiedCount}`;
  });

  await check("query { 'outbox.0': { $exists: true } }", async () => {
    await Doc.create({ _id: 'school-empty', email: 'e@x.nl', active: true, region: 'utrecht' });
    const ids = (await Doc.find({ 'outbox.0': { $exists: true } }, { _id: 1 }).lean()).map((d) => d._id);
    expect(ids.length === 1 && ids[0] === 'school-1', `got ${JSON.stringify(ids)}`);
    const none = await Doc.countDocuments({ 'outbox.0': { $exists: false } });
    return `matched ${JSON.stringify(ids)}; $exists:false count=${none}`;
  });

  await check('$pull with condition on array of subdocuments ({outbox: {id: {$in: [...]}}})', async () => {
    const r = await Doc.updateOne({ _id: 'school-1' }, { $pull: { outbox: { id: { $in: ['e1', 'e3'] } } } });
    const d = await Doc.findById('school-1').lean();
    expect(d!.outbox.length === 1 && d!.outbox[0]!.id === 'e2', `outbox after pull ${JSON.stringify(d!.outbox)}`);
    return `modifiedCount=${r.modifiedCount}`;
  });

  await check('$pull with plain equality on a subdocument field ({outbox: {id: "e2"}})', async () => {
    const r = await Doc.updateOne({ _id: 'school-1' }, { $pull: { outbox: { id: 'e2' } } });
    const d = await Doc.findById('school-1').lean();
    expect(d!.outbox.length === 2, `outbox after pull ${JSON.stringify(d!.outbox.map((o) => o.id))}`);
    return `modifiedCount=${r.modifiedCount}`;
  });

  await check("query with $elemMatch on array of subdocuments ({outbox: {$elemMatch: {id: 'e2'}}})", async () => {
    const n = await Doc.countDocuments({ outbox: { $elemMatch: { id: 'e2' } } });
    expect(n === 1, `count=${n}`);
  });

  await check("query on dotted array field ({'outbox.id': 'e2'})", async () => {
    const n = await Doc.countDocuments({ 'outbox.id': 'e2' });
    expect(n === 1, `count=${n}`);
  });

  await check('claim outbox: findOne(outbox.0 $exists) then updateOne $pullAll of the exact subdocuments read', async () => {
    const before = await Doc.findOne({ 'outbox.0': { $exists: true } }).lean();
    expect(!!before, 'nothing to claim');
    const claimed = before!.outbox.slice(0, 2);
    const r = await Doc.collection.updateOne({ _id: before!._id } as never, { $pullAll: { outbox: claimed } } as never);
    const after = await Doc.findById(before!._id).lean();
    expect(after!.outbox.length === before!.outbox.length - claimed.length, `after ${JSON.stringify(after!.outbox.map((o) => o.id))}`);
    return `modifiedCount=${r.modifiedCount}`;
  });

  await check('$pop (remove first array element)', async () => {
    await Doc.updateOne({ _id: 'school-1' }, { $set: { outbox: [] } });
    await Doc.updateOne(
      { _id: 'school-1' },
      {
        $push: {
          outbox: {
            $each: [
              { id: 'p1', type: 'A' },
              { id: 'p2', type: 'B' },
            ],
          },
        },
      },
    );
    await Doc.updateOne({ _id: 'school-1' }, { $pop: { outbox: -1 } });
    const d = await Doc.findById('school-1').lean();
    expect(d!.outbox.map((o) => o.id).join() === 'p2', `outbox ${JSON.stringify(d!.outbox.map((o) => o.id))}`);
    await Doc.updateOne({ _id: 'school-1' }, { $set: { outbox: [] } });
  });

  await check('boolean field query with compound index {active, region}', async () => {
    for (let i = 0; i < 30; i++) {
      await Doc.create({
        _id: `bulk-${String(i).padStart(3, '0')}`,
        email: `b${i}@x.nl`,
        active: i % 3 === 0,
        region: i % 2 ? 'utrecht' : 'zwolle',
        n: i,
      });
    }
    const active = await Doc.countDocuments({ active: true });
    const activeUtrecht = await Doc.find({ active: true, region: 'utrecht' }).lean();
    const inactive = await Doc.countDocuments({ active: false });
    expect(
      active === 12 && activeUtrecht.length === 7 && inactive === 20,
      `active=${active} activeUtrecht=${activeUtrecht.length} inactive=${inactive}`,
    );
    const indexes = await Doc.collection.indexes();
    return `indexes: ${indexes.map((ix) => JSON.stringify(ix.key) + (ix.unique ? ' unique' : '')).join(', ')}`;
  });

  await check('sort + skip + limit', async () => {
    const page = await Doc.find({ _id: /^bulk-/ })
      .sort({ n: -1 })
      .skip(5)
      .limit(3)
      .lean();
    expect(page.map((d) => d.n).join(',') === '24,23,22', `got ${page.map((d) => d.n).join(',')}`);
  });

  await check('countDocuments', async () => {
    const all = await Doc.countDocuments({});
    const some = await Doc.countDocuments({ n: { $gte: 20 } });
    expect(all === 33 && some === 10, `all=${all} some=${some}`);
  });

  await check('cursor pagination by _id $gt (sort _id asc, limit)', async () => {
    const seen: string[] = [];
    let last: string | undefined;
    for (;;) {
      const batch = await Doc.find(last ? { _id: { $gt: last } } : {})
        .sort({ _id: 1 })
        .limit(7)
        .lean();
      if (batch.length === 0) break;
      seen.push(...batch.map((d) => d._id as string));
      last = batch[batch.length - 1]!._id as string;
    }
    const sorted = [...seen].sort();
    expect(seen.length === 33 && new Set(seen).size === 33 && seen.join() === sorted.join(), `seen ${seen.length}`);
  });

  await check('Date range query + sort on Date', async () => {
    await Doc.updateMany({ _id: /^bulk-00/ }, { $set: { seenAt: new Date('2024-06-01T00:00:00Z') } });
    const n = await Doc.countDocuments({ seenAt: { $gte: new Date('2024-01-01T00:00:00Z'), $lt: new Date('2025-01-01T00:00:00Z') } });
    const latest = await Doc.findOne({ seenAt: { $exists: true } })
      .sort({ seenAt: -1 })
      .lean();
    expect(n === 10 && latest!._id === 'school-1', `n=${n} latest=${latest?._id}`);
  });

  await Doc.collection.drop().catch(() => {});
  return results;
}

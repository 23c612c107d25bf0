import { PGlite } from '@electric-sql/pglite';
const db = new PGlite();
await db.waitReady;
await db.exec('create table x(a int)');
let t = Date.now();
const c = await db.clone();
await c.query('select * from x');
console.log('clone', Date.now() - t);

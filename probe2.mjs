import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
let t=Date.now();
const a = await PGlite.create({ extensions: { vector, pg_trgm } }); console.log('1st', Date.now()-t);
await a.exec('create extension vector; create extension pg_trgm; create table x(id int)');
t=Date.now(); const b = await PGlite.create({ extensions: { vector, pg_trgm } }); console.log('2nd', Date.now()-t);
t=Date.now(); const c = await a.clone(); console.log('clone', Date.now()-t, (await c.query('select count(*) from x')).rows);
t=Date.now(); const d = await a.clone(); console.log('clone2', Date.now()-t);

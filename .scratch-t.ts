import { stringify } from 'csv-stringify/sync';
console.log(JSON.stringify(stringify([['a','b;c','']], { delimiter: ';', record_delimiter: '\r\n', bom: true })));

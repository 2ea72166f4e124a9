import { benchBundle } from './bundle';
import { benchCore } from './core';
import { benchWeb } from './web';
import { benchWorkbook } from './workbook';

async function main() {
  console.log('thidua benchmarks — ratios against baselines measured in this run');
  benchCore();
  await benchWorkbook();
  await benchBundle();
  await benchWeb();
}

void main();

import { benchCore } from './core';

console.log('thidua benchmarks — ratios against baselines measured in this run');
benchCore();

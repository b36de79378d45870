import { addCommand } from './registry';

addCommand('check', {
  about: 'model-check a spec (TLC-style report, --json for machines)',
  usage: require('./check').usage,
  load: () => require('./check').runCheck,
});

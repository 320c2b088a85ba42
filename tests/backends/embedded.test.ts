// The shared HTTP suite over the embedded store (DIST_DIR loaded in the process): the reference every backend matches.
import { httpSuite } from './http-suite.ts';
import { testApp } from '../helpers/app.ts';

httpSuite({ name: 'embedded', app: () => testApp() });

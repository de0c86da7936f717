// Starts the NHS.UK frontend's components. Every page works without this; it only enhances.
import { initAll } from '../lib/nhsuk-frontend/nhsuk-frontend.min.js';
initAll();

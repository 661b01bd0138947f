// Entry of the Electron main process (built to out/main/index.js). All wiring lives in studioApp.
import { startStudio } from './studioApp';

startStudio();

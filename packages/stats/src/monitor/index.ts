/** Early-warning monitor for one area series (EVALUATION.md §4.8), for the API's monitors. */
export { monitorSeries, type MonitorInput, type MonitorAlert, type MonitorResult } from './monitor.ts';

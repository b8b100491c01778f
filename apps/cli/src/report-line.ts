/** One line of a step-by-step report (storage:check, smoke): `OK   step: detail`. */
export interface ReportLine {
  status: 'OK' | 'FAIL' | 'WARN' | 'SKIP';
  operation: string;
  detail: string;
}

export function printReportLine(line: ReportLine): void {
  console.log(`${line.status.padEnd(4)} ${line.operation}: ${line.detail}`);
}

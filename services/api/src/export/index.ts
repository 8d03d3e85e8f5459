export { FormatQuery, vietnamDay, vietnamTime, yesNo, EXPORT_FORMATS, type Cell, type ExportColumn, type ExportFormat } from './columns.js';
export { exportResponse, fromList, CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE, type ExportRequest } from './respond.js';
export { listOrExportAnswer } from './openapi.js';
export { exportStream, writeExport, ROWS_PER_SHEET, type ExportSource } from './write-export.js';

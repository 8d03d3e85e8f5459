import { describe, expect, it } from 'vitest';
import { catalogToJson, CATALOG_CSV_COLUMNS, csvRowsToRecords, parseCatalogJson, recordToCsvRow } from './index.js';

const valid = {
  code: '1.000948',
  name: 'Tặng Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh',
  sector: 'Thi đua, khen thưởng',
  level: 'province',
  channels: ['online'],
  cases: [{ code: 'default', name: 'Theo công trạng', components: [{ code: 'to-trinh', name: 'Tờ trình', originals: 1, copies: 0 }] }],
  processingTime: [{ channel: 'online', amount: 20, unit: 'working_days' }],
  onlineServiceLevel: 'partial',
};

describe('catalog JSON import', () => {
  it('accepts a valid file and applies defaults', () => {
    const { records, problems } = parseCatalogJson(JSON.stringify([valid]));
    expect(problems).toEqual([]);
    expect(records[0]?.record).toMatchObject({ code: '1.000948', fees: [], interAgency: false });
  });

  it('reports every problem with row and field, Vietnamese first', () => {
    const broken = [
      valid,
      { ...valid, code: '1000948', channels: ['fax'] },
      { ...valid, code: '1.000949', cases: [{ code: 'default', name: 'X', components: [{ code: 'a', name: 'A', originals: -1, copies: 0 }] }] },
      { ...valid, code: '1.000950', channels: ['online', 'postal'] },
      { ...valid },
    ];
    const { problems } = parseCatalogJson(JSON.stringify(broken));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, field: 'code', problem: 'mã thủ tục có dạng 1.000948' }),
        expect.objectContaining({ row: 2, field: 'channels.0' }),
        expect.objectContaining({ row: 3, field: 'cases.0.components.0.originals', problem: 'không được âm' }),
        expect.objectContaining({ row: 4, field: 'processingTime', problem: 'mỗi kênh tiếp nhận cần có thời hạn giải quyết' }),
        expect.objectContaining({ row: 5, field: 'code', problem: 'mã 1.000948 trùng với dòng 1' }),
      ]),
    );
    for (const p of problems) expect(p.problemEn).toBeTruthy();
  });

  it('names a missing required field', () => {
    const withoutName = { ...valid, name: undefined };
    const { problems } = parseCatalogJson(JSON.stringify([withoutName]));
    expect(problems).toEqual([{ row: 1, field: 'name', problem: 'bắt buộc, đang để trống', problemEn: 'required, missing' }]);
  });

  it('rejects a file that is not JSON or not a list', () => {
    expect(parseCatalogJson('{oops').problems[0]).toMatchObject({ row: 0, field: '' });
    expect(parseCatalogJson('{"x":1}').problems[0]?.problem).toBe('tệp phải là một danh sách thủ tục');
  });
});

describe('catalog CSV mapping', () => {
  const header = [...CATALOG_CSV_COLUMNS];
  const toRow = (cells: string[]) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));

  it('round-trips export → import', () => {
    const { records } = parseCatalogJson(catalogToJson(parseCatalogJson(JSON.stringify([valid])).records.map((r) => r.record)));
    const row = toRow(recordToCsvRow(records[0]!.record));
    const back = csvRowsToRecords(header, [row]);
    expect(back.problems).toEqual([]);
    expect(back.records[0]?.record).toEqual(records[0]?.record);
  });

  it('reports spreadsheet lines and cells', () => {
    const good = recordToCsvRow(parseCatalogJson(JSON.stringify([valid])).records[0]!.record);
    const badJson = [...good];
    badJson[header.indexOf('cases')] = '[{oops';
    const badTime = [...good];
    badTime[header.indexOf('code')] = '1.000951';
    badTime[header.indexOf('processingTime')] = 'online:abc:working_days';
    const badFlag = [...good];
    badFlag[header.indexOf('code')] = '1.000952';
    badFlag[header.indexOf('interAgency')] = 'maybe';
    const { records, problems } = csvRowsToRecords(header, [toRow(good), toRow(badJson), toRow(badTime), toRow(badFlag)]);
    expect(records).toHaveLength(1);
    expect(problems).toEqual([
      expect.objectContaining({ row: 3, field: 'cases', problem: 'ô này phải chứa JSON hợp lệ' }),
      expect.objectContaining({ row: 3, field: 'code' }), // duplicate of line 2
      expect.objectContaining({ row: 4, field: 'processingTime.0.amount' }),
      expect.objectContaining({ row: 5, field: 'interAgency', problem: 'phải là true hoặc false' }),
    ]);
  });

  it('reports missing and unknown columns on line 1', () => {
    const { problems } = csvRowsToRecords(['code', 'name', 'colour'], []);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 1, field: 'sector', problem: 'thiếu cột sector' }),
        expect.objectContaining({ row: 1, field: 'colour' }),
      ]),
    );
  });
});

import { evaluateBloc, type Bloc } from '../../src/core/bloc';
import {
  COL,
  NOT_RANKED,
  RANKING_HEADER,
  rankingNote,
  rankingRows,
} from '../../src/core/ranking/rows';
import { SAMPLE_BLOC, SAMPLE_SHEETS, SAMPLE_SUBMISSIONS } from '../../src/sample';

const result = evaluateBloc(SAMPLE_BLOC, SAMPLE_SHEETS, SAMPLE_SUBMISSIONS);
const table = rankingRows(result, { template: SAMPLE_BLOC.template });
const rowOf = (code: string) => table.rows.find((r) => r[COL.code] === code)!;

describe('rankingRows', () => {
  it('has the shared header', () => {
    expect(table.header).toEqual([
      'Hạng',
      'Mã đơn vị',
      'Đơn vị',
      'Tự chấm',
      'Khối chấm',
      'Điểm chuẩn',
      'Điểm thưởng',
      'Điểm trừ',
      'Xếp loại',
      'Đề nghị khen thưởng',
      'Ghi chú',
    ]);
    expect(table.header).toEqual(RANKING_HEADER);
    expect(table.rows.every((r) => r.length === table.header.length)).toBe(true);
  });

  it('lists units in ranking order, the unit not classified last', () => {
    expect(table.rows.map((r) => r[COL.code])).toEqual([
      'CAT',
      'BCHQS',
      'VKSND',
      'TAND',
      'BDBP',
      'TTT',
      'STP',
      'THADS',
      'BNC',
    ]);
    expect(table.rows.map((r) => r[COL.rank])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, NOT_RANKED]);
  });

  it('keeps points as numbers', () => {
    expect(rowOf('CAT')).toEqual([
      1,
      'CAT',
      'Công an tỉnh',
      120.4,
      118.4,
      98,
      21.4,
      1,
      'Xuất sắc',
      'Cờ thi đua của UBND tỉnh',
      null,
    ]);
    expect(rowOf('BCHQS')[COL.proposal]).toBe('Bằng khen của Chủ tịch UBND tỉnh');
    expect(rowOf('BDBP')[COL.proposal]).toBeNull();
  });

  it('says why a unit is not classified', () => {
    const bnc = rowOf('BNC');
    expect(bnc[COL.rank]).toBe('Không xếp loại');
    expect(bnc[COL.classification]).toBe('Không xếp loại');
    expect(bnc[COL.verified]).toBe(95);
    expect(bnc[COL.note]).toBe(
      'Không xếp loại: Không gửi báo cáo giải trình chấm điểm và bảng chấm điểm (mục KXL.1).',
    );
    // Without the template the code still identifies the condition.
    const u = result.units.find((x) => x.unit.code === 'BNC')!;
    expect(rankingNote(u)).toBe('Không xếp loại: mục KXL.1.');
  });

  it('notes how a tie was resolved', () => {
    const note = rowOf('VKSND')[COL.note] as string;
    expect(note).toContain('bằng điểm (107,5)');
    expect(note).toContain('ít điểm trừ hơn');
    expect(rowOf('TAND')[COL.note]).toBe(note);
  });

  it('marks a proposal the bloc still has to vote on', () => {
    // Without tie-breakers VKSND and TAND share rank 3 and the last certificate: a vote is needed.
    const bloc: Bloc = {
      ...SAMPLE_BLOC,
      settings: {
        ...SAMPLE_BLOC.settings,
        ranking: { ...SAMPLE_BLOC.settings.ranking, tieBreakers: [] },
      },
    };
    const rows = rankingRows(evaluateBloc(bloc, SAMPLE_SHEETS, SAMPLE_SUBMISSIONS)).rows;
    const of = (code: string) => rows.find((r) => r[COL.code] === code)!;
    for (const code of ['VKSND', 'TAND']) {
      expect(of(code)[COL.rank]).toBe(3);
      expect(of(code)[COL.proposal]).toBe('Bằng khen của Chủ tịch UBND tỉnh (chờ biểu quyết)');
      expect(of(code)[COL.note]).toMatch(/vẫn đồng hạng\. .*khối cần biểu quyết\.$/);
    }
    expect(of('BDBP')[COL.rank]).toBe(5);
  });

  it('writes NFC text', () => {
    for (const r of table.rows)
      for (const c of r) if (typeof c === 'string') expect(c).toBe(c.normalize('NFC'));
  });
});

// Import before the App in tests of the pane's other tabs: the Chấm điểm and Thẩm định forms
// (tested on their own, and the slowest to render in jsdom) become stand-ins that show their name.
jest.mock('../../src/taskpane/tabs/ScoringTab', () => ({
  ScoringTab: () => 'Nội dung thẻ Chấm điểm',
}));
jest.mock('../../src/taskpane/tabs/VerifyTab', () => ({
  VerifyTab: () => 'Nội dung thẻ Thẩm định',
}));

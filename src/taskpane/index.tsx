/*
 * The task pane's entry inside Office (taskpane.html, opened by the ribbon button). In Excel it
 * renders the pane on the Office.js adapter; anywhere else (another Office app, a plain browser,
 * office.js unreachable) it says, in Vietnamese, that the pane needs Excel and links to the web app.
 */
import {
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  webLightTheme,
} from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { createSession, type Host } from '../app';
import { browserDownload } from '../io/browser';
import { ExcelWorkbook, excelRunner } from '../io/excel';
import { App } from './App';

/** Excel as the pane's host: sheets are brought to the front by activating them. */
function excelHost(workbook: ExcelWorkbook): Host {
  return {
    kind: 'excel',
    showSheet: (name) => workbook.showSheet(name),
    download: browserDownload,
  };
}

/** Why the pane cannot run here, in Vietnamese. */
type Obstacle = { kind: 'no-office' } | { kind: 'other-host' } | { kind: 'error'; message: string };

function CannotRun({ obstacle }: { obstacle: Obstacle }) {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 16, minHeight: '100%' }}>
      {obstacle.kind === 'error' ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Không mở được ngăn Thi đua</MessageBarTitle>
            {obstacle.message}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Ngăn Thi đua chỉ chạy trong Excel</MessageBarTitle>
              Trang này là ngăn tác vụ của add-in Thi đua; nó cần Excel (trên máy tính hoặc Excel
              trên web) để đọc và ghi sổ tính.
            </MessageBarBody>
          </MessageBar>
          <Text as="p" block>
            Hãy mở sổ tính trong Excel, rồi trên thẻ <b>Trang đầu</b> (Home) bấm nút <b>Thi đua</b>.
          </Text>
          {obstacle.kind === 'no-office' && (
            <Text as="p" block>
              Không tải được thư viện Office (office.js) từ máy chủ của Microsoft: hãy kiểm tra kết
              nối mạng.
            </Text>
          )}
        </>
      )}
      <Text as="p" block>
        Muốn xem thử mà không có Excel: mở <Link href="web.html">bản xem thử</Link> (sổ tính trong
        bộ nhớ của trình duyệt, có khối mẫu).
      </Text>
    </FluentProvider>
  );
}

function start(host: Office.HostType | null) {
  if (host !== Office.HostType.Excel) return <CannotRun obstacle={{ kind: 'other-host' }} />;
  try {
    // The constructor checks ExcelApi 1.7 and throws, in Vietnamese, on an older Excel.
    // Excel.run waits while the user is editing a cell instead of failing.
    const workbook = new ExcelWorkbook(excelRunner());
    return <App session={createSession(workbook, excelHost(workbook))} />;
  } catch (e) {
    return (
      <CannotRun
        obstacle={{ kind: 'error', message: e instanceof Error ? e.message : String(e) }}
      />
    );
  }
}

const root = createRoot(document.getElementById('container')!);
if (typeof Office === 'undefined') root.render(<CannotRun obstacle={{ kind: 'no-office' }} />);
else void Office.onReady((info) => root.render(start(info.host)));

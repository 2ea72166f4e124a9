/*
 * What the task pane page shows where the pane cannot run: outside Excel (a browser, another Office
 * app, office.js unreachable), in an Excel below ExcelApi 1.7, or when starting failed. It says why,
 * in Vietnamese, and offers the web app (web.html, next to the pane's page in the add-in's build),
 * which works on the same workbook file without installing anything.
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

/** Why the pane cannot run here. */
export type Obstacle =
  | { kind: 'no-office' }
  | { kind: 'other-host' }
  | { kind: 'old-excel'; message: string }
  | { kind: 'error'; message: string };

/** The web app's page, relative to taskpane.html (both at the root of dist-addin/). */
export const WEB_APP = 'web.html';
export const WEB_APP_LINK = 'Mở ứng dụng web Thi đua';

function Reason({ obstacle }: { obstacle: Obstacle }) {
  switch (obstacle.kind) {
    case 'old-excel':
      return (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Excel này chưa chạy được add-in Thi đua</MessageBarTitle>
            {obstacle.message}
          </MessageBarBody>
        </MessageBar>
      );
    case 'error':
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Không mở được ngăn Thi đua</MessageBarTitle>
            {obstacle.message}
          </MessageBarBody>
        </MessageBar>
      );
    default:
      return (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Ngăn Thi đua chỉ chạy trong Excel</MessageBarTitle>
              Trang này là ngăn tác vụ của add-in Thi đua: nó chạy bên trong Excel (Microsoft 365,
              Excel 2021 trở lên hoặc Excel trên web) để đọc và ghi sổ tính đang mở
              {obstacle.kind === 'other-host' ? ', nhưng đang được mở ở nơi khác.' : '.'}
            </MessageBarBody>
          </MessageBar>
          {obstacle.kind === 'no-office' && (
            <Text as="p" block>
              Không tải được thư viện Office (office.js) từ máy chủ của Microsoft: trang đang được
              mở ngoài Office, hoặc mạng chặn địa chỉ appsforoffice.microsoft.com.
            </Text>
          )}
          <Text as="p" block>
            Có Excel như trên: hãy mở sổ tính trong Excel, rồi trên thẻ <b>Trang đầu</b> (Home) bấm
            nút <b>Thi đua</b>.
          </Text>
        </>
      );
  }
}

export function CannotRun({ obstacle }: { obstacle: Obstacle }) {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 16, minHeight: '100%' }}>
      <Reason obstacle={obstacle} />
      <Text as="p" block>
        <Link href={WEB_APP} target="_blank" rel="noopener">
          {WEB_APP_LINK}
        </Link>
        : chạy ngay trong trình duyệt, trên cùng tệp sổ tính (.xlsx), không cần cài đặt gì — dùng
        được với Office 2016, 2019, WPS, LibreOffice hoặc khi không có Office.
      </Text>
    </FluentProvider>
  );
}
